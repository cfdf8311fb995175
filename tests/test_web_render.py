"""What the page renders on the server: the statement's Markdown, the growth plot, the shipped assets."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

pytest.importorskip("markdown_it")
pytest.importorskip("starlette")

from judge.model.report import Growth, Report, TestResult  # noqa: E402
from judge.model.verdict import Verdict  # noqa: E402
from judge.web import plot, statement  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "judge" / "web" / "static"


def test_markdown_keeps_no_raw_html_and_no_script_links() -> None:
    html = statement.render('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1))')
    assert "<script" not in html and "<img" not in html and 'href="javascript:' not in html


def test_code_blocks_are_highlighted_and_unknown_languages_escaped() -> None:
    html = statement.render("```python\ndef f(): return 1\n```\n\n```weird\n<b>x</b>\n```\n")
    assert '<pre class="highlight"><code class="language-python"><span class="k">def</span>' in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert ".highlight .k" in statement.stylesheet()


def report(*tests: TestResult) -> Report:
    growth = Growth(
        exponent=1.98,
        reference_exponent=1.0,
        exponent_interval=(1.9, 2.06),
        reference_exponent_interval=None,
        sizes=[1000, 2000, 4000],
        lower_bound=False,
        reason=None,
        summary="time grows like n^1.98 ± 0.08 (reference n^1.00)",
    )
    return Report("c", "s", Verdict.AC, list(tests), growth=growth)


def sized(name: str, n: int, ms: float, ref: float | None, verdict: Verdict = Verdict.AC) -> TestResult:
    return TestResult(name, True, verdict, time_ms=ms, budget_ms=50.0, reference_ms=ref, size=n)


def test_the_plot_puts_solution_and_reference_on_log_log_axes() -> None:
    tests = [sized("n1", 1000, 1.0, 0.1), sized("n2", 2000, 4.0, 0.2), sized("n4", 4000, 16.0, 0.4)]
    svg = plot.svg(report(*tests, TestResult("sample-1", False, Verdict.AC, time_ms=0.01)))
    assert svg is not None and svg.startswith("<svg")
    assert svg.count("<circle") == 6 and svg.count("<polyline") == 2
    assert "your solution n^1.98 ± 0.08" in svg and "reference n^1.00" in svg
    ys = {int(float(y)) for y in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', svg)}
    assert len(ys) == 6  # six different heights: the times were placed, not flattened


def test_a_test_cut_by_the_time_limit_is_drawn_at_its_budget_as_a_lower_bound() -> None:
    tests = [sized("n1", 1000, 1.0, 0.1), sized("n2", 2000, 4.0, 0.2), sized("n4", 4000, 49.0, 0.4, Verdict.TLE)]
    svg = plot.svg(report(*tests))
    assert svg is not None and svg.count("<polygon") == 1 and "n4: 50+ ms (TLE)" in svg
    assert "hit the time limit" in svg


def test_no_plot_without_two_sizes() -> None:
    assert plot.svg(report(sized("n1", 1000, 1.0, 0.1))) is None
    assert plot.svg(report(TestResult("sample-1", False, Verdict.AC, time_ms=1.0))) is None


def test_test_names_in_the_plot_are_escaped() -> None:
    tests = [sized("<b>&", 10, 1.0, None), sized("x", 100, 2.0, None)]
    svg = plot.svg(report(*tests))
    assert svg is not None and "&lt;b&gt;&amp;" in svg and "<b>" not in svg


def test_the_shipped_editor_was_built_from_the_committed_sources() -> None:
    """frontend/build.sh writes the digest of its inputs into the bundle's first line."""
    frontend = REPO / "frontend"
    digest = hashlib.sha256((frontend / "package-lock.json").read_bytes() + (frontend / "src/editor.js").read_bytes())
    first_line = (STATIC / "editor.js").read_text(encoding="utf-8").split("\n", 1)[0]
    assert f"inputs sha256 {digest.hexdigest()}" in first_line, "rebuild it: frontend/build.sh"


def test_the_pages_load_no_script_from_elsewhere() -> None:
    for template in (REPO / "judge" / "web" / "templates").glob("*.html"):
        for src in re.findall(r'<script[^>]*src="([^"]+)"', template.read_text()):
            assert src.startswith("/static/"), (template.name, src)
