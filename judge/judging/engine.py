"""The engine: the one call every front end makes to judge a solution.

    report = judge(challenge, source, options, on_event)

It picks the sandbox, starts the child early (so it boots while tests and budgets
load), finds the budgets (given, or calibrated on this machine and cached), runs every
test, and adds what needs the calibration: each test's reference time, and for an
accepted run the ratio to the reference and its place among the accepted solutions
(``judging.speed``); and the growth of time with n. Progress arrives as typed events through ``on_event``.
"""

from __future__ import annotations

from dataclasses import dataclass

from judge.judging.calibration import Calibration, budgets_for
from judge.judging.growth import growth_of
from judge.judging.run import judge_with_budgets, new_session
from judge.judging.speed import standing
from judge.model.events import EventFn, ignore
from judge.model.report import Report
from judge.model.source import Source
from judge.problems.challenge import Challenge
from judge.runner.sandbox import ProcessSandbox, best_sandbox


@dataclass
class Options:
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


def judge(challenge: Challenge, source: Source, options: Options | None = None, on_event: EventFn = ignore) -> Report:
    """Judge a solution on every test of a challenge."""
    options = options or Options()
    sandbox = options.sandbox or best_sandbox()
    session = new_session(challenge, sandbox, repeat=options.repeat, precise=options.precise)
    session.spawn()
    try:
        calibration: Calibration | None = None
        budgets = options.budgets
        if budgets is None:
            calibration = budgets_for(challenge, sandbox, on_event)
            budgets = calibration.budgets_s
        report = judge_with_budgets(challenge, source, budgets, session, fail_fast=options.fail_fast, on_event=on_event)
    finally:
        session.close()
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
    return report
