"""JUnit XML, as CI systems read it: one ``testsuite``, a ``testcase`` per test.

WA, TLE and MLE are failures; RE and CE are errors (the code did not run to an answer);
tests not run after ``--fail-fast`` are skipped. A visible test's failure carries its
input, expected answer, answer and prints; a hidden test's only its verdict, time and memory.
Checked in the tests against the Jenkins xunit-plugin JUnit schema (junit-10.xsd).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from judge.formats.context import Context
from judge.formats.text import HIDDEN_NOTE, call, details, measured, one_line, printable
from judge.model.report import Report, TestResult
from judge.model.verdict import Verdict

FAILURES = (Verdict.WA, Verdict.TLE, Verdict.MLE)
ERRORS = (Verdict.RE, Verdict.CE)


def render(report: Report, context: Context) -> str:
    # A solution refused before any test (not judged at all) still shows as one error.
    tests = report.tests or ([TestResult("load", False, Verdict.CE)] if report.compile_error else [])
    counts = {
        "tests": len(tests),
        "failures": sum(t.verdict in FAILURES for t in tests),
        "errors": sum(t.verdict in ERRORS for t in tests),
        "skipped": sum(t.verdict is Verdict.SKIPPED for t in tests),
    }
    seconds = f"{report.time_ms / 1000:.3f}"
    totals = {key: n for key, n in counts.items() if key != "skipped"}  # the schema has no skipped on testsuites
    root = ET.Element("testsuites", _attrs(name=f"judge {report.challenge}", time=seconds, **totals))
    suite = ET.SubElement(root, "testsuite", _attrs(name=report.challenge, time=seconds, **counts))
    properties = ET.SubElement(suite, "properties")
    facts = {"solution": report.solution, "verdict": report.verdict.value, "passed": f"{report.passed}/{report.total}"}
    if report.isolation is not None:
        facts["isolation"] = report.isolation.level + ("" if report.isolation.isolated else " (NOT isolated)")
    for name, text in facts.items():
        ET.SubElement(properties, "property", _attrs(name=name, value=text))
    for t in tests:
        _testcase(suite, t, report, context)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _testcase(suite: ET.Element, t: TestResult, report: Report, context: Context) -> None:
    name = t.name + (" (hidden)" if t.hidden else "")
    seconds = f"{t.time_ms / 1000:.6f}"
    case = ET.SubElement(suite, "testcase", _attrs(name=name, classname=report.challenge, time=seconds))
    if t.verdict is Verdict.CE:
        text = report.compile_error or "the solution could not be loaded"
        _child(case, "error", text, type="CE", message=f"Compile error: {one_line(text)}")
    elif t.verdict is Verdict.SKIPPED:
        _child(case, "skipped", None, message="not run: the judge stopped at an earlier failure (--fail-fast)")
    elif t.verdict is not Verdict.AC:
        tag = "failure" if t.verdict in FAILURES else "error"
        _child(case, tag, _body(t, context), type=t.verdict.value, message=_message(t))
    if t.stdout and not t.hidden:
        _child(case, "system-out", t.stdout)
    if t.stderr and not t.hidden:
        _child(case, "system-err", t.stderr)


def _message(t: TestResult) -> str:
    if t.hidden:
        return f"{measured(t)} ({HIDDEN_NOTE})"
    return f"{t.verdict.long_name}: {one_line(t.message)}" if t.message else t.verdict.long_name


def _body(t: TestResult, context: Context) -> str:
    if t.hidden:
        return f"{measured(t)}\n{HIDDEN_NOTE}"
    lines = [f"call      {call(context.function, t.input)}"] if t.input is not None else []
    lines += [f"{label:<9} {text}" for label, text in details(t) if label not in ("input", "prints", "stderr")]
    return "\n".join(lines)


def _child(parent: ET.Element, tag: str, text: str | None, **attrs: str) -> None:
    element = ET.SubElement(parent, tag, _attrs(**attrs))
    if text:
        element.text = printable(text)


def _attrs(**values: object) -> dict[str, str]:
    return {key: printable(str(v)) for key, v in values.items()}
