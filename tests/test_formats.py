"""Report formats: each parses as its consumer reads it, its counts match the judge's report,
and hidden tests stay hidden in every one of them."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

from judge.cli import cli
from judge.cli.run import REPORT_FORMATS, VISIBILITIES
from judge.formats import FORMATS, Context, exercism, render
from judge.formats import VISIBILITIES as FORMAT_VISIBILITIES
from judge.formats.markdown import block, counterexample, inline
from judge.judging.engine import Options, judge
from judge.model.report import Counterexample, Note, NoteKind, Report
from judge.model.scoring import score
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.problemset import ProblemSet, builtin_root

xmlschema = pytest.importorskip("xmlschema")

SCHEMA = Path(__file__).parent / "fixtures" / "junit-10.xsd"
CAN_SHIFT = ProblemSet(builtin_root(), "built-in").challenge("can_shift")
CONTEXT = Context(CAN_SHIFT.config.function)
SECRET = "SECRET-MARK"
#: Fails sample-1 (WA) and the samples on 'abc' (RE), prints its inputs (with a control sequence)
#: on every test, and fails some hidden tests: every kind of detail a format must show or hide.
MIXED = f"""
def can_shift(a, b):
    print({SECRET!r}, repr(a), repr(b), '\\x1b[2J ```')
    if a == 'abc':
        raise ValueError({SECRET!r} + ' <b>' + a)
    if a == 'abcde':
        return False
    return len(a) == len(b) and b in a + a and len(a) < 40
"""


def _judge(text: str, fail_fast: bool = False) -> Report:
    budgets = {t.name: 2.0 for t in CAN_SHIFT.tests}
    return judge(CAN_SHIFT, Source("mixed.py", text.encode()), Options(budgets=budgets, fail_fast=fail_fast))


@pytest.fixture(scope="module")
def mixed() -> Report:
    report = _judge(MIXED)
    verdicts = {t.verdict for t in report.tests}
    assert {Verdict.AC, Verdict.WA, Verdict.RE} <= verdicts and any(t.hidden and not t.passed for t in report.tests)
    return report


@pytest.fixture(scope="module")
def reports(mixed: Report) -> dict[str, Report]:
    return {
        "mixed": mixed,
        "fail_fast": _judge(MIXED, fail_fast=True),
        "compile_error": _judge("def can_shift(a, b)\n    return True\n"),
        "accepted": _judge("def can_shift(a, b):\n    return len(a) == len(b) and b in a + a\n"),
    }


def _hidden_secrets() -> list[str]:
    """Inputs of hidden tests long enough that finding one in a document means it leaked."""
    samples = {repr(a) for t in CAN_SHIFT.tests if not t.hidden for a in t.args}
    return sorted({repr(a) for t in CAN_SHIFT.tests if t.hidden for a in t.args if len(repr(a)) > 7} - samples)


def _counts(report: Report) -> dict[str, int]:
    v = [t.verdict for t in report.tests]
    return {
        "tests": len(v),
        "failures": sum(x in (Verdict.WA, Verdict.TLE, Verdict.MLE) for x in v),
        "errors": sum(x in (Verdict.RE, Verdict.CE) for x in v),
        "skipped": v.count(Verdict.SKIPPED),
    }


# -- every format -------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("which", ["mixed", "fail_fast", "compile_error", "accepted"])
def test_hidden_tests_stay_hidden_in_every_format(reports: dict[str, Report], fmt: str, which: str) -> None:
    report = reports[which]
    text = render(fmt, report, CONTEXT)
    for secret in _hidden_secrets():
        assert secret not in text, (fmt, secret)
    # What the solution printed or raised shows only beside sample inputs ('abcde', 'abc').
    if fmt != "json":  # JSON keeps the solution's text as data (escaped by the encoder)
        assert "\x1b" not in text
    shown = re.findall(SECRET + r"[^']*'(\w*)'", text)
    assert set(shown) <= {"abcde", "abc", "acb", "cdeab"}


def test_the_cli_offers_every_format() -> None:
    assert tuple(FORMATS) == REPORT_FORMATS
    assert FORMAT_VISIBILITIES == VISIBILITIES


def test_json_is_the_report_contract(mixed: Report) -> None:
    assert json.loads(render("json", mixed, CONTEXT)) == json.loads(json.dumps(mixed.to_dict()))


# -- JUnit ----------------------------------------------------------------------


@pytest.mark.parametrize("which", ["mixed", "fail_fast", "compile_error", "accepted"])
def test_junit_is_valid_against_the_schema_and_counts_match(reports: dict[str, Report], which: str) -> None:
    report = reports[which]
    text = render("junit", report, CONTEXT)
    xmlschema.XMLSchema(SCHEMA).validate(text)
    suite = ET.fromstring(text).find("testsuite")
    assert suite is not None
    counts = _counts(report)
    assert {key: int(suite.get(key, -1)) for key in counts} == counts
    cases = suite.findall("testcase")
    assert len(cases) == report.total
    assert sum(c.find("failure") is not None for c in cases) == counts["failures"]
    assert sum(c.find("error") is not None for c in cases) == counts["errors"]
    assert sum(c.find("skipped") is not None for c in cases) == counts["skipped"]
    assert sum(len(c) == 0 or {e.tag for e in c} <= {"system-out", "system-err"} for c in cases) == report.passed


def test_junit_shows_a_sample_failure_in_full_and_a_hidden_one_as_verdict_only(mixed: Report) -> None:
    suite = ET.fromstring(render("junit", mixed, CONTEXT)).find("testsuite")
    assert suite is not None
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    wa = cases["sample-1"].find("failure")
    assert wa is not None and wa.get("type") == "WA"
    assert "can_shift('abcde', 'cdeab')" in (wa.text or "") and "expected  True" in (wa.text or "")
    out = cases["sample-1"].find("system-out")
    assert out is not None and SECRET in (out.text or "") and "\\x1b[2J" in (out.text or "")
    re_ = cases["sample-2"].find("error")
    assert re_ is not None and re_.get("type") == "RE" and "ValueError" in (re_.get("message") or "")
    hidden = [c for name, c in cases.items() if name and name.endswith("(hidden)") and len(c)]
    assert hidden
    for case in hidden:
        assert [e.tag for e in case] in (["failure"], ["error"])  # no system-out, no details
        assert case[0].get("message", "").endswith("(hidden test: only its verdict, time and memory are shown)")


def test_junit_of_a_submission_that_was_never_judged_still_shows_why() -> None:
    refused = Report("can_shift", "evil.py", Verdict.CE, [], compile_error="not judged: it is a symbolic link")
    text = render("junit", refused, CONTEXT)
    xmlschema.XMLSchema(SCHEMA).validate(text)
    error = ET.fromstring(text).find("testsuite/testcase/error")
    assert error is not None and "symbolic link" in (error.text or "")


# -- Gradescope -----------------------------------------------------------------


@pytest.mark.parametrize("which", ["mixed", "fail_fast", "compile_error", "accepted"])
def test_gradescope_results_parse_and_match_the_report(reports: dict[str, Report], which: str) -> None:
    report = reports[which]
    weights = {"scale-": 2.0, "huge-": 0.5}
    context = Context(CAN_SHIFT.config.function, weights, "hidden")
    doc = json.loads(render("gradescope", report, context))
    assert {"score", "execution_time", "output", "visibility", "stdout_visibility", "tests"} <= set(doc)
    tests = doc["tests"]
    assert len(tests) == report.total
    for entry in tests:
        assert {"score", "max_score", "status", "name", "output", "visibility"} <= set(entry)
        assert entry["status"] in ("passed", "failed") and 0 <= entry["score"] <= entry["max_score"]
        assert entry["visibility"] == ("hidden" if entry["name"].endswith("(hidden)") else "visible")
    assert sum(e["status"] == "passed" for e in tests) == report.passed
    # Its points are the gradebook's score, in points: samples are worth 0, hidden tests their weight.
    total = sum(e["max_score"] for e in tests)
    assert doc["score"] == pytest.approx(sum(e["score"] for e in tests))
    assert doc["score"] / total == pytest.approx(score(report, weights), abs=1e-6)


def test_gradescope_hidden_visibility_is_an_option(mixed: Report) -> None:
    default = json.loads(render("gradescope", mixed, CONTEXT))
    assert {e["visibility"] for e in default["tests"] if e["name"].endswith("(hidden)")} == {"after_published"}
    assert {e["visibility"] for e in default["tests"] if not e["name"].endswith("(hidden)")} == {"visible"}


# -- Exercism -------------------------------------------------------------------


@pytest.mark.parametrize("which", ["mixed", "fail_fast", "compile_error", "accepted"])
def test_exercism_results_parse_and_match_the_report(reports: dict[str, Report], which: str) -> None:
    report = reports[which]
    doc = json.loads(render("exercism", report, CONTEXT))
    assert doc["version"] == 3
    tests = doc["tests"]
    assert len(tests) == report.total
    assert sum(t["status"] == "pass" for t in tests) == report.passed
    assert sum(t["status"] == "error" for t in tests) == _counts(report)["errors"]
    for t in tests:
        assert set(t) <= {"name", "status", "message", "output", "test_code", "task_id"}
        assert t["status"] in ("pass", "fail", "error") and len(t.get("output") or "") <= exercism.OUTPUT_LIMIT
        assert (t["message"] is None) == (t["status"] == "pass")
    if report.verdict is Verdict.CE:
        assert doc["status"] == "error" and "SyntaxError" in doc["message"]
    else:
        assert doc["status"] == ("pass" if report.verdict is Verdict.AC else "fail") and doc["message"] is None


def test_exercism_cuts_output_at_500_characters_and_says_so() -> None:
    assert len(exercism.output("x" * 2000)) == 500 and exercism.output("x" * 2000).endswith("limit to 500 chars")
    assert exercism.output("short\n") == "short\n"


def test_exercism_test_code_is_the_call_for_samples_only(mixed: Report) -> None:
    tests = {t["name"]: t for t in json.loads(render("exercism", mixed, CONTEXT))["tests"]}
    assert tests["sample-1"]["test_code"] == "can_shift('abcde', 'cdeab')  # expected: True"
    assert all(t["test_code"].startswith("# hidden test") for n, t in tests.items() if n.endswith("(hidden)"))


# -- Markdown -------------------------------------------------------------------


def test_markdown_feedback_shows_samples_in_full_and_hidden_tests_as_verdicts(mixed: Report) -> None:
    text = render("markdown", mixed, CONTEXT)
    assert text.startswith("# can\\_shift · mixed.py")
    assert "### sample-1: Wrong answer" in text and "can_shift('abcde', 'cdeab')" in text
    assert "## Hidden tests" in text and "Hidden tests show only their verdict, time and memory." in text
    hidden_failed = [t.name for t in mixed.tests if t.hidden and not t.passed]
    for name in hidden_failed:
        assert f"### {inline(name)}" not in text  # listed in the table, never detailed
    # The solution printed ``` : the fence around its prints is longer, so nothing escapes the block.
    assert "````text\n" in text


def test_markdown_escapes_what_a_student_controls() -> None:
    assert inline("[x](javascript:alert(1)) <img> *a* `b` |") == (
        "\\[x\\](javascript:alert(1)) \\<img\\> \\*a\\* \\`b\\` \\|"
    )
    assert block("a ```` b").startswith("`````text\n")


def test_the_counterexample_section_is_ready_for_the_practice_loop() -> None:
    found = {
        "input": {"args": ["", ""], "kwargs": {}},
        "expected": True,
        "got": False,
        "verdict": "WA",
        "message": "expected True, got False",
        "stdout": "checking '' ''\n",
    }
    text = counterexample(found, CONTEXT)
    assert text.startswith("## A small input that fails: Wrong answer")
    assert "can_shift('', '')" in text and "True" in text and "False" in text and "checking" in text
    assert counterexample(None, CONTEXT) == ""


def test_markdown_feedback_carries_the_report_s_counterexample_and_notes(mixed: Report) -> None:
    found = Counterexample({"args": ["", ""], "kwargs": {}}, True, False, Verdict.WA, "expected True, got False")
    report = msgspec.structs.replace(
        mixed, counterexample=found, notes=[Note(NoteKind.STATE_LEAK, "passes alone; state leaks", "big-1")]
    )
    text = render("markdown", report, CONTEXT)
    assert "## A small input that fails: Wrong answer" in text and "can_shift('', '')" in text
    assert "## Notes" in text and "passes alone; state leaks" in text
    assert "A small input" not in render("markdown", mixed, CONTEXT)


# -- judge run --format ---------------------------------------------------------


def test_run_prints_the_chosen_format_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "mixed.py"
    path.write_text(MIXED)
    runner = CliRunner()
    result = runner.invoke(cli, ["run", "can_shift", str(path), "--format", "junit"])
    assert result.exit_code == 1
    xmlschema.XMLSchema(SCHEMA).validate(result.stdout)
    args = ["run", "can_shift", str(path), "--format", "gradescope", "--hidden-visibility", "hidden"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert {e["visibility"] for e in doc["tests"] if e["name"].endswith("(hidden)")} == {"hidden"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--json", "--format", "junit"], "use just one of --json or --format junit"),
        (["--format", "junit", "--hidden-visibility", "hidden"], "only to --format gradescope"),
    ],
)
def test_run_format_mistakes_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    path = tmp_path / "s.py"
    path.write_text(MIXED)
    result = CliRunner().invoke(cli, ["run", "can_shift", str(path), *args])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output
