"""The engine: the one call every front end makes to judge a solution.

    report = judge(challenge, source, options, on_event)

It picks the sandbox, starts the child early (so it boots while tests and budgets
load), finds the budgets (given, or calibrated on this machine and cached), runs the
chosen tests (all, or the samples) and the learner's own calls, and adds what needs the
calibration: each test's reference time, and for an accepted run the ratio to the
reference and its place among the accepted solutions (``judging.speed``); and the
growth of time with n. When asked, it then explains a failure: a failing test rerun
alone in a fresh child (state kept between calls), and a counterexample searched for a
failing hidden test. Progress arrives as typed events through ``on_event``.
"""

from __future__ import annotations

from typing import Literal

from msgspec import Struct, field

from judge.judging import counterexample
from judge.judging.calibration import Calibration, budgets_for
from judge.judging.growth import growth_of
from judge.judging.run import LoadError, judge_with_budgets, load_solution, new_session, read_source, run_test
from judge.judging.speed import standing
from judge.model.events import EventFn, Explaining, ignore
from judge.model.report import Note, NoteKind, Report, TestResult
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.calls import Call, custom_cases
from judge.problems.challenge import Challenge
from judge.problems.testcase import TestCase
from judge.runner.sandbox import ProcessSandbox, best_sandbox
from judge.runner.session import Session
from judge.runner.spares import Spares

#: Which of the challenge's tests run.
Selection = Literal["all", "samples", "none"]
#: The report's ``scope`` for each selection ("custom": only the learner's own calls ran).
SCOPES: dict[str, str] = {"all": "all", "samples": "samples", "none": "custom"}


class Options(Struct):
    #: Per-test CPU budgets in seconds by test name; None calibrates (or uses the config's time_ms).
    budgets: dict[str, float] | None = None
    fail_fast: bool = False
    #: The sandbox to run in; None takes the strongest this machine supports.
    sandbox: ProcessSandbox | None = None
    #: Compute time_vs_reference (needs a calibration).
    compare_reference: bool = True
    #: Give fast tests extra timing blocks (median and spread); off, each test is timed once.
    repeat: bool = True
    #: Time EVERY test this many extra times (median and spread), not only the fast ones:
    #: slower, but steadier numbers on a noisy machine. 0 = only fast tests.
    precise: int = 0
    #: Which of the challenge's tests run: "all", "samples" (``judge test``), or "none" (only ``custom``).
    tests: Selection = "all"
    #: The learner's own calls: visible tests custom-1, custom-2, ... run after the chosen tests,
    #: whose expected answer is the reference's, each with the largest budget of any test.
    custom: list[Call] = field(default_factory=list)
    #: Seconds the counterexample search may take when a hidden test gets WA or RE; 0: no search.
    search_s: float = 0.0
    #: Rerun the first failing test alone in a fresh child, to tell state kept between calls.
    check_state: bool = False
    #: Started children to load the solution into (watch mode, a web server): no boot to wait for.
    spares: Spares | None = None


def judge(challenge: Challenge, source: Source, options: Options | None = None, on_event: EventFn = ignore) -> Report:
    """Judge a solution on a challenge's tests (and the learner's own calls)."""
    options = options or Options()
    sandbox = options.sandbox or best_sandbox()

    def fresh() -> Session:
        """A session for a fresh child, for the steps that explain a failure (timed once)."""
        return new_session(challenge, sandbox, repeat=False, spares=options.spares)

    session = new_session(challenge, sandbox, repeat=options.repeat, precise=options.precise, spares=options.spares)
    session.spawn()
    try:
        customs = custom_cases(challenge, options.custom)
        cases = selected(challenge, options.tests) + customs
        calibration: Calibration | None = None
        budgets = options.budgets
        if budgets is None:
            calibration = budgets_for(challenge, sandbox, on_event)
            budgets = calibration.budgets_s
        # A call of the learner's own may be as big as the biggest test: it gets the largest budget.
        budgets = {**budgets, **{c.name: max(budgets.values()) for c in customs}}
        report = judge_with_budgets(
            challenge, source, budgets, session, fail_fast=options.fail_fast, on_event=on_event, tests=cases
        )
    finally:
        session.close()
    report.scope = SCOPES[options.tests]
    reference_ms = calibration.reference_ms if calibration is not None else {}
    if calibration is not None:
        report.budget_multiplier = calibration.multiplier
        for result in report.tests:
            if result.ran:
                result.reference_ms = reference_ms.get(result.name)
        if options.compare_reference:
            # Both None unless the run was accepted: a crash's or a kill's time is no speed.
            report.time_vs_reference = calibration.ratio(report)
            same = {p.name for p in challenge.accepted() if p.read_bytes() == source.data}
            report.speed = standing(report, calibration.accepted_ms, same)
    report.growth = growth_of(report.tests, reference_ms)
    if options.check_state:
        note = state_leak(challenge, source, report, cases, budgets, fresh, on_event)
        if note is not None:
            report.notes.append(note)
    if options.search_s > 0 and counterexample.wanted(report.tests):
        # The search's inputs are as small as the samples: each call gets the samples' budget.
        samples = [budgets[t.name] for t in challenge.tests if not t.hidden]
        search = counterexample.Search(challenge, source, max(samples), options.search_s)
        on_event(Explaining(challenge.id, "counterexample", options.search_s))
        report.counterexample, note = search.run(fresh)
        if note is not None:
            report.notes.append(note)
    return report


def selected(challenge: Challenge, which: Selection) -> list[TestCase]:
    """The challenge's tests a judgment runs, in order (the custom calls come after them)."""
    if which == "samples":
        return [t for t in challenge.tests if not t.hidden]
    return challenge.tests if which == "all" else []


def state_leak(
    challenge: Challenge,
    source: Source,
    report: Report,
    cases: list[TestCase],
    budgets: dict[str, float],
    fresh: counterexample.SessionFactory,
    on_event: EventFn = ignore,
) -> Note | None:
    """A note when the first test to fail with WA or RE (after another test) passes alone in a fresh child."""
    results = [r for r in report.tests if r.ran]
    first = next((r for r in results if r.verdict in (Verdict.WA, Verdict.RE)), None)
    if first is None or first is results[0]:  # the first test already ran in a fresh child
        return None
    case = next(c for c in cases if c.name == first.name)
    on_event(Explaining(challenge.id, "state"))
    session = fresh()
    try:
        text = read_source(source.data)
        if load_solution(session, source, text, budgets) is not None:
            return None
        alone: TestResult = run_test(session, case, budgets[case.name], challenge)
    except LoadError:
        return None
    finally:
        session.close()
    if not alone.passed:
        return None
    shown = f"{case.name} (hidden)" if case.hidden else case.name
    return Note(
        NoteKind.STATE_LEAK,
        f"{shown} failed after other tests ran, but passes when run alone in a fresh process: your function "
        "keeps state between calls (a global, a class attribute, a mutable default argument, a cache). "
        "Make every call start afresh.",
        test=case.name,
    )
