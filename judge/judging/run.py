"""Judging one solution with given budgets: load it, run every test, decide each verdict.

This is where hidden tests are redacted: their results never carry inputs, answers,
prints or messages, whatever the view that shows them later.
"""

from __future__ import annotations

from judge.judging.verdicts import NO_ANSWER, Decision, clip, loaded, shown, verdict_for
from judge.model.events import EventFn, Started, TestFinished, TestInfo, ignore
from judge.model.report import Report, TestResult, overall
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.challenge import Challenge
from judge.problems.testcase import TestCase
from judge.runner.protocol import Done, Raised, Reply
from judge.runner.sandbox import ProcessSandbox
from judge.runner.session import MIB, Session


class LoadError(Exception):
    """The solution cannot be loaded: the message says why (a CE)."""


def read_source(data: bytes) -> str:
    """Decode a solution file; a UTF-8 BOM and CRLF endings are fine, binary is not."""
    if b"\0" in data:
        raise LoadError("the file is binary, not Python source (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"the file is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def new_session(challenge: Challenge, sandbox: ProcessSandbox, *, repeat: bool = True, precise: int = 0) -> Session:
    config = challenge.config
    memory = int(config.limits.memory_mib * MIB)
    return Session(sandbox, config.function, memory, repeat=repeat, precise=precise, preload=config.allowed_modules)


def run_test(session: Session, case: TestCase, budget_s: float, challenge: Challenge) -> TestResult:
    """Run one test and decide its verdict. Sample results carry details; hidden ones never do."""
    run = session.run(case.call_json, budget_s)
    decision = verdict_for(case, run, budget_s, session.memory_bytes, challenge.checker)
    result = TestResult(
        name=case.name, hidden=case.hidden, verdict=decision.verdict, budget_ms=budget_s * 1000, size=case.size
    )
    if run.call is not None:
        call = run.call
        result.time_ms, result.wall_ms, result.memory_kib = call.cpu_s * 1000, call.wall_s * 1000, call.memory_kib
    if decision.answered and session.worth_timing_again(result.time_ms):
        again = session.time_again(result.time_ms, len(case.call_json), budget_s)
        if again is not None:
            result.time_ms, result.time_range_ms = again
    if not case.hidden:
        _show(result, case, run.call.reply if run.call is not None else None, decision)
    return result


def _show(result: TestResult, case: TestCase, reply: Reply | None, decision: Decision) -> None:
    """What a sample test's report shows: the input, the expected answer, what came back, the prints."""
    result.input = {"args": case.args, "kwargs": case.kwargs}
    result.expected = shown(case.expected) if case.raises is None else f"raises {case.raises}"
    if decision.raised is not None:
        result.got = f"raised {decision.raised}"
    elif decision.got is not NO_ANSWER:
        result.got = shown(decision.got)
    if isinstance(reply, (Done, Raised)):
        result.stdout = clip(reply.stdout) or None
        result.stderr = clip(reply.stderr) or None
    result.message = clip(decision.message)


def judge_with_budgets(
    challenge: Challenge,
    source: Source,
    budgets: dict[str, float],
    session: Session,
    *,
    fail_fast: bool = False,
    on_event: EventFn = ignore,
) -> Report:
    """Judge a solution on every test with these per-test budgets (seconds), in this session."""
    tests = challenge.tests
    challenge.checker  # noqa: B018 - a broken checker.py is the author's error, named before anything runs
    report = Report(challenge=challenge.id, solution=source.name, verdict=Verdict.CE, tests=[])
    report.isolation = session.sandbox.isolation

    def not_run(verdict: Verdict) -> list[TestResult]:
        return [TestResult(name=t.name, hidden=t.hidden, verdict=verdict, size=t.size) for t in tests]

    on_event(Started(challenge.id, source.name, tuple(TestInfo(t.name, t.hidden) for t in tests), report.isolation))
    try:
        text = read_source(source.data)
    except LoadError as exc:
        report.compile_error = str(exc)
        report.tests = not_run(Verdict.CE)
        return report
    refused = loaded(session.load(text, cpu_backstop_s=sum(budgets.values()) * 4 + 60))
    report.notes += [f"an allowed module could not be imported here: {why}" for why in session.unavailable]
    if refused is not None:
        report.compile_error = clip(refused.message)
        report.tests = not_run(refused.verdict)
        return report
    failed = False
    for i, case in enumerate(tests, 1):
        if failed and fail_fast:
            result = TestResult(name=case.name, hidden=case.hidden, verdict=Verdict.SKIPPED, size=case.size)
        else:
            result = run_test(session, case, budgets[case.name], challenge)
            failed = failed or not result.passed
        report.tests.append(result)
        on_event(TestFinished(result, i, len(tests)))
    session.close()
    report.verdict = overall(report.tests)
    return report
