"""Gradescope's autograder ``results.json``.

Points follow the gradebook's score: each counted test (the hidden ones, or all tests
when a challenge has none) is worth its weight, so the total is the weighted number of
hidden tests passed. Sample tests are shown for information, worth 0 points. Hidden
tests show only their verdict, time and memory, with the visibility the caller picks.
"""

from __future__ import annotations

import json
from typing import Any

from judge.formats.context import Context
from judge.formats.text import HIDDEN_NOTE, details, measured, one_line, printable
from judge.model.report import Report, TestResult
from judge.model.scoring import counted, weight
from judge.model.verdict import Verdict


def render(report: Report, context: Context) -> str:
    scored = {id(t) for t in counted(report)}
    tests = [_test(t, id(t) in scored, context) for t in report.tests]
    document = {
        "score": round(sum(t["score"] for t in tests), 6),
        "execution_time": round(report.time_ms / 1000, 3),
        "output": printable(summary(report)),
        "output_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }
    return json.dumps(document, indent=2) + "\n"


def summary(report: Report) -> str:
    lines = [f"{report.verdict.value} {report.verdict.long_name}: {report.passed}/{report.total} tests passed."]
    if report.compile_error:
        lines += ["", "The solution could not be loaded:", report.compile_error]
    if report.isolation is not None and not report.isolation.isolated:
        lines += ["", f"Judged without full isolation ({report.isolation.level})."]
    return "\n".join(lines)


def _test(t: TestResult, scored: bool, context: Context) -> dict[str, Any]:
    worth = weight(t.name, context.weights) if scored else 0.0
    return {
        "score": worth if t.passed else 0.0,
        "max_score": worth,
        "status": "passed" if t.passed else "failed",
        "name": t.name + (" (hidden)" if t.hidden else ""),
        "output": printable(_output(t)),
        "visibility": context.hidden_visibility if t.hidden else "visible",
    }


def _output(t: TestResult) -> str:
    if t.hidden:
        return f"{measured(t)}\n{HIDDEN_NOTE}"
    if t.verdict is Verdict.CE:
        return "not run: the solution could not be loaded"
    if t.verdict is Verdict.SKIPPED:
        return "not run: the judge stopped at an earlier failure (--fail-fast)"
    lines = [measured(t)]
    if t.message:
        lines[0] += f": {one_line(t.message)}"
    lines += [f"{label}:\n{text}" if "\n" in text else f"{label}: {text}" for label, text in details(t)]
    return "\n".join(lines)
