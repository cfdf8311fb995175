"""Judging one solution with given budgets: load it, run every test, decide each verdict.

This is where hidden tests are redacted: their results never carry inputs, answers,
prints or messages, whatever the view that shows them later.
"""

from __future__ import annotations

import ast
import importlib.machinery
import os
import sys

from judge.judging.verdicts import NO_ANSWER, Decision, clip, loaded, shown, verdict_for
from judge.model.events import EventFn, Started, TestFinished, TestInfo, ignore
from judge.model.report import Note, NoteKind, Report, TestResult, overall
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.challenge import Challenge
from judge.problems.testcase import TestCase
from judge.runner.protocol import Answer, Done, Outcome, Raised, Reply
from judge.runner.sandbox import ProcessSandbox
from judge.runner.session import MIB, Session
from judge.runner.spares import Spares


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


def new_session(
    challenge: Challenge,
    sandbox: ProcessSandbox,
    *,
    repeat: bool = True,
    precise: int = 0,
    spares: Spares | None = None,
) -> Session:
    config = challenge.config
    memory = int(config.limits.memory_mib * MIB)
    return Session(
        sandbox,
        config.function,
        memory,
        repeat=repeat,
        precise=precise,
        spares=spares,
        preload=config.allowed_modules,
    )


def load_solution(session: Session, source: Source, text: str, budgets: dict[str, float]) -> Decision | None:
    """Load the solution into the session's child: None when it loaded, else the CE saying why not."""
    outcome = session.load(text, cpu_backstop_s=sum(budgets.values()) * 4 + 60, filename=source.name)
    refused = loaded(outcome, session.function)
    if refused is None:
        return None
    hint = _own_module_hint(outcome, source)
    return Decision(refused.verdict, refused.message + hint) if hint else refused


def _own_module_hint(outcome: Outcome, source: Source) -> str:
    """Why an import of the solution's own helper module fails: only the one file is judged."""
    reply = outcome.reply
    if not isinstance(reply, Raised) or reply.module is None or not reply.is_a("ImportError"):
        return ""
    top = reply.module.partition(".")[0]
    if _installed(top):
        return ""  # a real library the sandbox does not offer: the traceback says enough
    folder = source.path.parent if source.path is not None else None
    beside = folder is not None and ((folder / f"{top}.py").is_file() or (folder / top / "__init__.py").is_file())
    if beside:
        return (
            f"\n\n{top} is a module of your own beside {source.name}, but only the one file is judged: "
            f"copy what you need from it into {source.name}."
        )
    return (
        f"\n\n{top} is not installed for the judge, and only the one file {source.name} is judged: "
        f"if {top} is a module of your own, copy what you need from it into {source.name}."
    )


def _installed(module: str) -> bool:
    """Whether ``module`` is installed for the judge's Python (not merely in the current folder)."""
    if module in sys.builtin_module_names:
        return True
    here = {"", os.getcwd()}
    paths = [p for p in sys.path if p not in here]
    try:
        return importlib.machinery.PathFinder.find_spec(module, paths) is not None
    except (ImportError, ValueError):
        return False


def parameter_names(signature: str) -> list[str]:
    """The parameter names of a config's ``signature`` (``f(a: str, b: str) -> bool``), in order."""
    try:
        tree = ast.parse(f"def {signature.strip()}: pass")
    except SyntaxError:
        return []
    fn = tree.body[0]
    if not isinstance(fn, ast.FunctionDef):
        return []
    return [a.arg for a in (*fn.args.posonlyargs, *fn.args.args)]


def mutation_note(case: TestCase, mutated: tuple[int | str, ...], signature: str) -> Note:
    """The note for a call that changed its arguments in place (named as the signature names them)."""
    names = parameter_names(signature)

    def name(where: int | str) -> str:
        if isinstance(where, str):
            return repr(where)
        return repr(names[where]) if where < len(names) else f"argument {where + 1}"

    what = " and ".join(name(m) for m in mutated)
    return Note(
        NoteKind.MUTATES_INPUT,
        f"your function changed {what} in place on {case.name}; the caller's data changed too. "
        "Work on a copy (sorted(x), list(x), x.copy()) unless the statement asks for it.",
        test=case.name,
    )


def run_test(
    session: Session, case: TestCase, budget_s: float, challenge: Challenge, notes: list[Note] | None = None
) -> TestResult:
    """Run one test and decide its verdict. Sample results carry details; hidden ones never do.

    On a visible test the child also reports arguments the call changed: a note in ``notes``.
    """
    run = session.run(case.call_json, budget_s, check_args=not case.hidden and notes is not None)
    decision = verdict_for(case, run, budget_s, session.memory_bytes, challenge.checker)
    if notes is not None and run.answer is not None and isinstance(run.answer.reply, Answer):
        if run.answer.reply.mutated and not any(n.kind is NoteKind.MUTATES_INPUT for n in notes):
            notes.append(mutation_note(case, run.answer.reply.mutated, challenge.config.signature))
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
    tests: list[TestCase] | None = None,
) -> Report:
    """Judge a solution on every test (or on ``tests``) with these per-test budgets (seconds), in this session."""
    tests = challenge.tests if tests is None else tests
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
    refused = load_solution(session, source, text, budgets)
    report.notes += [
        Note(NoteKind.UNAVAILABLE_MODULE, f"an allowed module could not be imported here: {why}")
        for why in session.unavailable
    ]
    if refused is not None:
        report.compile_error = clip(refused.message)
        report.tests = not_run(refused.verdict)
        return report
    failed = False
    for i, case in enumerate(tests, 1):
        if failed and fail_fast:
            result = TestResult(name=case.name, hidden=case.hidden, verdict=Verdict.SKIPPED, size=case.size)
        else:
            result = run_test(session, case, budgets[case.name], challenge, report.notes)
            failed = failed or not result.passed
        report.tests.append(result)
        on_event(TestFinished(result, i, len(tests)))
    session.close()
    report.verdict = overall(report.tests)
    return report
