"""Time margins: how safely a challenge's budgets separate its accepted solutions from its slow ones.

Two numbers per challenge, measured in ``judge validate``'s own runs (never taken from
the calibration that set the budgets, which would make the first one the multiplier by
definition):

- **accepted margin**: the smallest, over every test and every ``accepted/`` solution, of
  the test's budget ÷ that solution's CPU time on it. Below ``MIN_ACCEPTED`` a correct
  solution of the intended complexity is one slow moment (or one slightly slower learner)
  away from TLE.
- **TLE margin**: for each ``time_limit_exceeded/`` solution, its CPU time ÷ the budget
  on its worst test (the test where that ratio is largest), measured with every budget
  multiplied by ``TLE_CAP``; the smallest over those solutions. A solution stopped at the
  cap has a margin of at least ``TLE_CAP`` (``capped``). Below ``MIN_TLE`` the wrong
  complexity passes as soon as the machine is a little faster or the budget a little
  larger: make the large tests larger, so the complexity classes separate.

``judge validate`` measures both on the machine as it is and again with one core busy
(``judge.authoring.busy``). docs/authoring.md explains the thresholds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from judge.model.report import Report
from judge.model.verdict import Verdict

#: validate fails when an accepted solution has less than this: budget ÷ its time, on any test.
MIN_ACCEPTED = 2.0
#: validate fails when a time_limit_exceeded/ solution needs less than this × the budget on its
#: worst test. With the default multiplier 3 that is 9× the slowest accepted solution's time.
MIN_TLE = 3.0
#: time_limit_exceeded/ solutions are timed with every budget × this: a margin of TLE_CAP means "at least".
TLE_CAP = 4.0

#: An accepted margin below MIN_ACCEPTED is measured up to this many more times, keeping each
#: test's fastest time: noise only ever slows a run down, and on a shared virtual machine one
#: run in a few is 1.5x slower than the rest (a plain loop measured 221-390 ms, one after another).
ACCEPTED_RETRIES = 2

#: Judges a solution file with every budget × scale: (path, scale, fail_fast) -> report.
JudgeFn = Callable[[Path, float, bool], Report]


@dataclass
class Margins:
    """Both margins of one challenge under one condition, each with where it was smallest."""

    #: "quiet" (the machine as it is) or "busy" (one core kept busy).
    condition: str
    accepted: float | None = None
    accepted_test: str | None = None
    accepted_solution: str | None = None
    tle: float | None = None
    tle_test: str | None = None
    tle_solution: str | None = None
    #: The TLE margin is a lower bound: that solution was stopped at TLE_CAP × the budget.
    tle_capped: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def accepted_ok(self) -> bool:
        return self.accepted is None or self.accepted >= MIN_ACCEPTED

    @property
    def tle_ok(self) -> bool:
        return self.tle is None or self.tle >= MIN_TLE


def thresholds() -> dict[str, float]:
    return {"accepted": MIN_ACCEPTED, "tle": MIN_TLE, "tle_cap": TLE_CAP}


def _accepted(reports: dict[Path, Report], budgets_s: dict[str, float]) -> tuple[float, str, Path] | None:
    """(budget ÷ time, test, solution) where it is smallest, over the tests each solution ran."""
    worst: tuple[float, str, Path] | None = None
    for path, report in reports.items():
        for t in report.tests:
            if t.ran:
                ratio = budgets_s[t.name] * 1000 / max(t.time_ms, 1e-6)
                if worst is None or ratio < worst[0]:
                    worst = (ratio, t.name, path)
    return worst


def _over(report: Report, budgets_s: dict[str, float]) -> tuple[float, str, bool] | None:
    """(time ÷ budget, test, capped) on the solution's worst test, from a run at TLE_CAP × the budgets."""
    worst: tuple[float, str, bool] | None = None
    for t in report.tests:
        if not t.ran:
            continue
        # Killed at the cap (by its CPU or its wall clock): at least the cap.
        capped = t.verdict is Verdict.TLE
        ratio = TLE_CAP if capped else min(TLE_CAP, t.time_ms / (budgets_s[t.name] * 1000))
        if worst is None or ratio > worst[0]:
            worst = (ratio, t.name, capped)
    return worst


def _tle(reports: dict[Path, Report], budgets_s: dict[str, float]) -> tuple[float, str, bool, Path] | None:
    """The smallest worst-test ratio over the TLE solutions, with its test, cap flag and solution."""
    smallest: tuple[float, str, bool, Path] | None = None
    for path, report in reports.items():
        over = _over(report, budgets_s)
        if over is not None and (smallest is None or over[0] < smallest[0]):
            smallest = (*over, path)
    return smallest


def measure(
    condition: str,
    accepted: dict[Path, Report],
    slow: dict[Path, Report],
    budgets_s: dict[str, float],
    again: JudgeFn,
) -> Margins:
    """Both margins from accepted runs at 1× the budgets and TLE runs at TLE_CAP × the budgets.

    A margin below its threshold is measured again before it counts (timings are
    noisy): the accepted solution at fault keeps its fastest time per test (up to
    ACCEPTED_RETRIES more runs), the TLE solution at fault its slower one (one more run).
    """
    margins = Margins(condition)
    found = _accepted(accepted, budgets_s)
    for _ in range(ACCEPTED_RETRIES):
        if found is None or found[0] >= MIN_ACCEPTED:
            break
        path = found[2]
        times = {t.name: t.time_ms for t in again(path, 1.0, False).tests if t.ran}
        for t in accepted[path].tests:
            t.time_ms = min(t.time_ms, times.get(t.name, t.time_ms))
        found = _accepted(accepted, budgets_s)
    if found is not None:
        margins.accepted, margins.accepted_test, margins.accepted_solution = round(found[0], 2), found[1], found[2].name
    over = _tle(slow, budgets_s)
    if over is not None and over[0] < MIN_TLE:
        path = over[3]
        retry = again(path, TLE_CAP, True)
        if (_over(retry, budgets_s) or (0.0,))[0] > over[0]:
            slow[path] = retry
        over = _tle(slow, budgets_s)
    if over is not None:
        margins.tle, margins.tle_test, margins.tle_capped = round(over[0], 2), over[1], over[2]
        margins.tle_solution = over[3].name
    return margins
