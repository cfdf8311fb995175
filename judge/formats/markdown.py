"""Feedback a student may read, as Markdown: every visible test in full, hidden ones as
verdict, time and memory only, and a counterexample when the judge found one.

The document is a list of sections, each a small function of the report; a new piece
of feedback is one more line in ``render``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from judge.formats.context import Context
from judge.formats.text import call, details, kib, ms, printable, value
from judge.model.report import Report, TestResult
from judge.model.scoring import score
from judge.model.verdict import Verdict


def render(report: Report, context: Context) -> str:
    sections = [
        _heading(report, context),
        _compile_error(report),
        _samples(report, context),
        _hidden(report),
        counterexample(report.counterexample.to_dict() if report.counterexample else None, context),
        _notes(report),
        _isolation(report),
    ]
    return "\n\n".join(part for part in sections if part) + "\n"


def inline(text: str) -> str:
    """Text that Markdown shows as is, inside a line: control characters and markup characters escaped."""
    return re.sub(r"([\\`*_\[\]<>|~&])", r"\\\1", printable(text).replace("\n", " "))


def block(text: str, language: str = "text") -> str:
    """A fenced code block that no backticks inside it can close early."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{printable(text)}\n{fence}"


def _heading(report: Report, context: Context) -> str:
    verdict = report.verdict
    line = f"**{verdict.value} · {verdict.long_name}** · {report.passed} of {report.total} tests passed"
    if not report.tests:
        line = "**Not judged**"
    elif verdict is not Verdict.CE:
        line += f" · score {score(report, context.weights):.0%} of the hidden tests"
    return f"# {inline(report.challenge)} · {inline(report.solution)}\n\n{line}"


def _compile_error(report: Report) -> str:
    if report.compile_error is None:
        return ""
    title = "The solution could not be loaded" if report.tests else "Why it was not judged"
    return f"## {title}\n\n" + block(report.compile_error)


def _table(tests: list[TestResult]) -> str:
    rows = ["| test | verdict | time ms | memory |", "|---|---|---:|---:|"]
    for t in tests:
        time, memory = (ms(t.time_ms), kib(t.memory_kib)) if t.ran else ("", "")
        rows.append(f"| {inline(t.name)} | {t.verdict.value} | {time} | {memory} |")
    return "\n".join(rows)


def _samples(report: Report, context: Context) -> str:
    samples = [t for t in report.tests if not t.hidden]
    if not samples or report.verdict is Verdict.CE:
        return ""
    parts = ["## Sample tests", _table(samples)]
    for t in samples:
        if t.verdict not in (Verdict.AC, Verdict.SKIPPED):
            parts.append(_failure(t, context))
    return "\n\n".join(parts)


def _failure(t: TestResult, context: Context) -> str:
    lines = [f"### {inline(t.name)}: {t.verdict.long_name}"]
    if t.input is not None:
        lines.append(block(call(context.function, t.input), "python"))
    for label, text in details(t):
        if label != "input":
            lines.append(f"**{label}**\n\n{block(text)}")
    return "\n\n".join(lines)


def _hidden(report: Report) -> str:
    hidden = [t for t in report.tests if t.hidden]
    if not hidden or report.verdict is Verdict.CE:
        return ""
    passed = sum(t.passed for t in hidden)
    note = "Hidden tests show only their verdict, time and memory."
    return f"## Hidden tests\n\n{passed} of {len(hidden)} passed. {note}\n\n{_table(hidden)}"


def counterexample(found: Mapping[str, Any] | None, context: Context) -> str:
    """A small input on which the solution and the reference disagree, shown like a sample test.

    ``found`` is the report's ``counterexample``: ``{input: {args, kwargs}, expected, got,
    verdict, message}`` (prints as ``stdout`` and ``stderr`` when present), or None.
    """
    if not found:
        return ""
    verdict = Verdict(found["verdict"]) if found.get("verdict") in set(Verdict) else None
    title = f": {verdict.long_name}" if verdict else ""
    lines = [f"## A small input that fails{title}"]
    test_input = found.get("input")
    if isinstance(test_input, Mapping):
        lines.append(block(call(context.function, {"args": [], "kwargs": {}} | dict(test_input)), "python"))
    for label, key, marker in (("expected", "expected", "raises"), ("got", "got", "raised")):
        if key in found:
            lines.append(f"**{label}**\n\n{block(value(found[key], marker))}")
    for label, key in (("message", "message"), ("prints", "stdout"), ("stderr", "stderr")):
        if found.get(key):
            lines.append(f"**{label}**\n\n{block(str(found[key]).rstrip())}")
    return "\n\n".join(lines)


def _notes(report: Report) -> str:
    """What the judge noticed beyond the verdicts (state kept between calls, inputs changed in place)."""
    if not report.notes:
        return ""
    return "## Notes\n\n" + "\n".join(f"- {inline(note.message)}" for note in report.notes)


def _isolation(report: Report) -> str:
    iso = report.isolation
    if iso is None:
        return ""
    level = f"{iso.level} (full isolation)" if iso.isolated else f"{iso.level} (NOT isolated)"
    return f"---\n\nJudged in the {inline(level)} sandbox."
