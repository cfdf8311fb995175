"""A challenge's statement as HTML: CommonMark with tables, code blocks highlighted by pygments.

Raw HTML in the Markdown is not passed through: a problem set from ``--root`` is
somebody else's folder, and the page it lands on can run code.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

#: The CSS class of highlighted blocks (and of the stylesheet served for them).
CSS_CLASS = "highlight"


def _highlight(code: str, lang: str, attrs: str) -> str:
    """A code block as pygments HTML; '' tells markdown-it to escape it as plain text."""
    try:
        lexer = get_lexer_by_name(lang or "python")
    except ClassNotFound:
        return ""
    body = highlight(code, lexer, HtmlFormatter(nowrap=True))
    # Starting with <pre, it is used as it is (markdown-it would otherwise wrap it again).
    return f'<pre class="{CSS_CLASS}"><code class="language-{lexer.aliases[0]}">{body}</code></pre>\n'


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "highlight": _highlight, "typographer": False})
    return md.enable(["table", "strikethrough"])


def render(markdown: str) -> str:
    """The statement's HTML (safe to insert: no raw HTML from the source survives)."""
    return _parser().render(markdown)


@cache
def stylesheet() -> str:
    """The colours of highlighted code, for the page's stylesheet."""
    return HtmlFormatter(style="default").get_style_defs(f".{CSS_CLASS}")
