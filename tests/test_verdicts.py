"""The verdict function on made-up outcomes: every verdict, and no process is started."""

from __future__ import annotations

import json
from typing import Any

import pytest

from judge.checkers import custom_checker, default_checker
from judge.judging.run import judge_with_budgets
from judge.judging.verdicts import NO_ANSWER, loaded, verdict_for
from judge.model.config import Check
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.problemset import ProblemSet, builtin_root
from judge.problems.testcase import TestCase
from judge.runner.protocol import Answer, Done, Missing, Outcome, Raised, Refused, Status
from judge.runner.sandbox import ProcessSandbox
from judge.runner.session import Session, TestRun

BUDGET_S = 1.0
MEMORY = 256 * 1024 * 1024
CHECK = default_checker(Check())


def case(expected: Any = True, *, hidden: bool = False, raises: str | None = None) -> TestCase:
    return TestCase("t", hidden, ["ab", "ba"], expected=expected, raises=raises)


def ok(cpu_s: float = 0.01, memory_kib: int = 10, stdout: str = "") -> Outcome:
    return Outcome(Status.REPLY, Done(stdout=stdout), cpu_s=cpu_s, memory_kib=memory_kib)


def answered(value: Any, **call: Any) -> TestRun:
    return TestRun(call=ok(**call), answer=Outcome(Status.REPLY, Answer(json.dumps(value))))


def raised(name: str, *bases: str) -> Outcome:
    lineage = (f"builtins.{name}", *bases, "builtins.Exception", "builtins.BaseException", "builtins.object")
    return Outcome(Status.REPLY, Raised(name, lineage, "boom", f"Traceback...\n{name}: boom\n"))


def decide(test: TestCase, run: TestRun, checker: Any = CHECK) -> Any:
    return verdict_for(test, run, BUDGET_S, MEMORY, checker)


def test_a_right_answer_is_ac_and_may_be_timed_again() -> None:
    d = decide(case(True), answered(True))
    assert (d.verdict, d.got, d.answered) == (Verdict.AC, True, True)


def test_a_hidden_answer_whose_text_matches_passes_without_decoding() -> None:
    test = case([1, 2], hidden=True)
    d = decide(test, TestRun(call=ok(), answer=Outcome(Status.REPLY, Answer(test.expected_json))))
    assert d.verdict is Verdict.AC and d.got is NO_ANSWER


def test_a_wrong_answer_is_wa_with_the_difference() -> None:
    d = decide(case([1, 2]), answered([1, 3]))
    assert d.verdict is Verdict.WA and "[1]" in d.message and d.got == [1, 3]


def test_bool_is_not_int() -> None:
    assert decide(case(1), answered(True)).verdict is Verdict.WA


def test_an_answer_that_cannot_be_judged_is_wa() -> None:
    run = TestRun(call=ok(), answer=Outcome(Status.REPLY, Refused("returned a value of type Foo")))
    d = decide(case(True), run)
    assert d.verdict is Verdict.WA and "Foo" in d.message


def test_returning_where_an_exception_was_expected_is_wa() -> None:
    d = decide(case(raises="ValueError"), answered(3))
    assert d.verdict is Verdict.WA and "expected ValueError to be raised" in d.message


def test_raising_the_expected_exception_or_a_subclass_is_ac() -> None:
    run = TestRun(call=raised("ValueError"))
    assert decide(case(raises="ValueError"), run).verdict is Verdict.AC
    sub = TestRun(call=raised("UnicodeDecodeError", "builtins.UnicodeError", "builtins.ValueError"))
    assert decide(case(raises="ValueError"), sub).verdict is Verdict.AC


def test_an_unexpected_exception_is_re_with_its_traceback() -> None:
    d = decide(case(True), TestRun(call=raised("KeyError")))
    assert d.verdict is Verdict.RE and d.raised == "KeyError" and "KeyError: boom" in d.message


@pytest.mark.parametrize(
    ("run", "verdict"),
    [
        (TestRun(call=Outcome(Status.TIME, detail="over 1.00 s of CPU")), Verdict.TLE),
        (TestRun(call=ok(cpu_s=BUDGET_S + 0.01)), Verdict.TLE),  # answered between two samples
        (TestRun(call=Outcome(Status.MEMORY, detail="used over 256 MiB")), Verdict.MLE),
        (TestRun(call=ok(memory_kib=MEMORY // 1024 + 1)), Verdict.MLE),
        (TestRun(call=raised("MemoryError")), Verdict.MLE),
        (TestRun(call=Outcome(Status.DIED, detail="killed by SIGSEGV")), Verdict.RE),
        (TestRun(setup_error="the solution did not load again"), Verdict.RE),
        (TestRun(call=Outcome(Status.PROTOCOL, detail="garbage")), Verdict.RE),
    ],
    ids=["cpu-kill", "cpu-after", "memory-kill", "memory-peak", "memory-error", "died", "setup", "protocol"],
)
def test_limits_and_deaths(run: TestRun, verdict: Verdict) -> None:
    assert decide(case(True), run).verdict is verdict


def test_the_time_limit_wins_over_a_right_answer() -> None:
    assert decide(case(True), answered(True, cpu_s=BUDGET_S * 2)).verdict is Verdict.TLE


def test_limits_while_handing_back_the_answer() -> None:
    run = TestRun(call=ok(), answer=Outcome(Status.MEMORY, detail="used over 256 MiB"))
    d = decide(case(True), run)
    assert d.verdict is Verdict.MLE and d.message.startswith("while handing back the answer")
    garbage = TestRun(call=ok(), answer=Outcome(Status.PROTOCOL, detail="the answer is larger than 64 MiB"))
    assert decide(case(True), garbage).verdict is Verdict.WA


def test_a_checker_that_crashes_rejects_and_says_so() -> None:
    def check(expected: Any, got: Any, **_: Any) -> bool:
        raise ZeroDivisionError("oops")

    d = decide(case(True), answered(True), custom_checker(check))
    assert d.verdict is Verdict.WA and "the checker failed: ZeroDivisionError: oops" in d.message


@pytest.mark.parametrize(
    ("outcome", "needle"),
    [
        (Outcome(Status.REPLY, Missing("no function 'can_shift' in the solution")), "no function"),
        (raised("SyntaxError"), "SyntaxError"),
        (Outcome(Status.TIME, detail="over 10 s"), "took too long"),
        (Outcome(Status.MEMORY, detail="over 2 GiB"), "too much memory"),
        (Outcome(Status.DIED, detail="exit code 0"), "ended while loading"),
    ],
)
def test_a_solution_that_does_not_load_is_ce(outcome: Outcome, needle: str) -> None:
    d = loaded(outcome)
    assert d is not None and d.verdict is Verdict.CE and needle in d.message
    assert loaded(ok()) is None


class ScriptedSession(Session):
    """A session that starts no process: each test's outcome comes from a script."""

    def __init__(self, load: Outcome, runs: list[TestRun]) -> None:
        super().__init__(ProcessSandbox(), "can_shift", MEMORY, repeat=False)
        self._load, self._runs = load, list(runs)

    def load(self, source: str, cpu_backstop_s: float, filename: str = "solution.py") -> Outcome:
        return self._load

    def run(self, call_json: str, budget_s: float, *, check_args: bool = False) -> TestRun:
        return self._runs.pop(0)

    def close(self) -> None:
        pass


CAN_SHIFT = ProblemSet(builtin_root(), "built-in").challenge("can_shift")


def test_fail_fast_skips_the_rest_and_ce_marks_every_test() -> None:
    budgets = {t.name: BUDGET_S for t in CAN_SHIFT.tests}
    first, second = CAN_SHIFT.tests[:2]
    runs = [answered(first.expected), answered(not second.expected)]
    session = ScriptedSession(ok(), runs)
    report = judge_with_budgets(CAN_SHIFT, Source("x.py", b"pass"), budgets, session, fail_fast=True)
    verdicts = [t.verdict for t in report.tests]
    assert verdicts[:2] == [Verdict.AC, Verdict.WA] and set(verdicts[2:]) == {Verdict.SKIPPED}
    assert report.verdict is Verdict.WA and not session._runs
    broken = ScriptedSession(raised("SyntaxError"), [])
    report = judge_with_budgets(CAN_SHIFT, Source("x.py", b"def"), budgets, broken)
    assert report.verdict is Verdict.CE and {t.verdict for t in report.tests} == {Verdict.CE}
    assert report.compile_error and "SyntaxError" in report.compile_error
