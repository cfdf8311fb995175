"""Text the terminal must show, not obey: what a solution or a file name puts in a line.

A sample test's prints, messages and tracebacks, and the names of submitted files,
reach the operator's terminal. Raw, they could clear the screen, retitle the window, set
the clipboard (OSC 52), or reorder a line with bidirectional overrides. ``safe`` shows
each such character as an escape (``\\x1b``, ``\\u202e``) instead. No rich here: the
error line of every command uses it, and ``judge --help`` must not pay for rich.
"""

from __future__ import annotations

import re

#: C0 and C1 controls (but newline and tab), DEL, bidirectional marks, overrides and
#: isolates, and lone surrogates (which a UTF-8 terminal cannot even be sent).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """``text`` with every character a terminal would act on shown as an escape."""
    return _UNSAFE.sub(_escaped, text)
