"""Exercism's test-runner ``results.json``, version 3.

``status`` is ``error`` when no test ran (the solution did not load), with the reason
in ``message``; else ``pass`` or ``fail``. Per test: WA, TLE and MLE ``fail``, RE
``error``. ``test_code`` is the call a visible test makes; a hidden test shows neither
its call nor its answer. ``output`` holds what the solution printed, at most 500
characters as the specification requires.
"""

from __future__ import annotations

import json
from typing import Any

from judge.formats.context import Context
from judge.formats.text import HIDDEN_NOTE, call, details, measured, printable
from judge.model.report import Report, TestResult
from judge.model.verdict import Verdict

#: The specification's limit on a test's ``output``.
OUTPUT_LIMIT = 500
TRUNCATED = "\n... Output was truncated. Please limit to 500 chars"


def render(report: Report, context: Context) -> str:
    loaded = report.verdict is not Verdict.CE
    document = {
        "version": 3,
        "status": ("pass" if report.verdict is Verdict.AC else "fail") if loaded else "error",
        "message": None if loaded else printable(report.compile_error or "the solution could not be loaded"),
        "tests": [_test(t, context) for t in report.tests],
    }
    return json.dumps(document, indent=2) + "\n"


def _status(t: TestResult) -> str:
    if t.passed:
        return "pass"
    return "error" if t.verdict in (Verdict.RE, Verdict.CE) else "fail"


def _test(t: TestResult, context: Context) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": t.name + (" (hidden)" if t.hidden else ""), "status": _status(t)}
    if t.hidden:
        entry["test_code"] = f"# {HIDDEN_NOTE}"
    elif t.input is not None:
        entry["test_code"] = f"{call(context.function, t.input)}  # expected: {dict(details(t))['expected']}"
    entry["message"] = None if t.passed else printable(_message(t))
    if t.stdout and not t.hidden:
        entry["output"] = output(printable(t.stdout))
    return entry


def _message(t: TestResult) -> str:
    if t.verdict is Verdict.CE:
        return "not run: the solution could not be loaded"
    if t.verdict is Verdict.SKIPPED:
        return "not run: the judge stopped at an earlier failure (--fail-fast)"
    if t.hidden:
        return f"{measured(t)} ({HIDDEN_NOTE})"
    shown = [f"{label}: {text}" for label, text in details(t) if label in ("expected", "got", "message")]
    return "\n".join([measured(t), *shown])


def output(text: str) -> str:
    """What the solution printed, cut to the specification's 500 characters, saying so."""
    if len(text) <= OUTPUT_LIMIT:
        return text
    return text[: OUTPUT_LIMIT - len(TRUNCATED)] + TRUNCATED
