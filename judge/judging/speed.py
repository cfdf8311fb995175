"""Where an accepted solution stands among the known accepted ones, and how much budget it used.

"41× the reference" alarms a learner whose plain-Python KMP is as fast as plain Python
gets, when the reference is ``b in a + a`` running in C. Placing the run among every
accepted solution (timed on this machine at calibration, on the same tests) says what
the number means: "faster than 2 of 4 accepted solutions; the fastest is 41× faster".
"""

from __future__ import annotations

from collections.abc import Collection

from judge.model.report import Report, Speed
from judge.model.verdict import Verdict


def times_x(ratio: float) -> str:
    """41×, 3.4×, 1.2×: two significant digits, none after the point from 10 up."""
    return f"{ratio:.0f}×" if ratio >= 10 else f"{ratio:.2g}×"


def standing(report: Report, accepted_ms: dict[str, dict[str, float]], same_as: Collection[str] = ()) -> Speed | None:
    """The run's place among the accepted solutions' total times over its tests; None unless it is AC.

    ``same_as`` names accepted files identical to the judged one: a file is not compared with itself.
    """
    if report.verdict is not Verdict.AC:
        return None
    names = [t.name for t in report.tests]
    totals = {
        solution: sum(times[n] for n in names)
        for solution, times in sorted(accepted_ms.items())
        if solution not in same_as and all(n in times for n in names)
    }
    budgeted = [t for t in report.tests if t.budget_ms]
    if not totals or not budgeted:
        return None
    mine = sum(t.time_ms for t in report.tests)
    fastest = min(totals, key=totals.__getitem__)
    vs_fastest = mine / max(totals[fastest], 1e-9)
    faster_than = sum(total > mine for total in totals.values())
    closest = max(budgeted, key=lambda t: t.time_ms / (t.budget_ms or 1))
    return Speed(
        faster_than=faster_than,
        compared=len(totals),
        fastest=fastest,
        vs_fastest=round(vs_fastest, 3),
        budget_share=round(closest.time_ms / (closest.budget_ms or 1), 3),
        budget_test=closest.name,
        summary=_place(faster_than, len(totals), fastest, vs_fastest),
    )


def _place(faster_than: int, n: int, fastest: str, vs_fastest: float) -> str:
    if n == 1:
        if faster_than:
            return f"faster than the one known accepted solution ({fastest}), by {times_x(1 / vs_fastest)}"
        return f"slower than the one known accepted solution ({fastest}), which is {times_x(vs_fastest)} faster"
    if faster_than == n:
        by = times_x(1 / vs_fastest)
        return f"faster than all {n} known accepted solutions; {by} faster than the fastest ({fastest})"
    where = f"faster than {faster_than} of {n}" if faster_than else f"slower than all {n}"
    return f"{where} known accepted solutions; the fastest ({fastest}) is {times_x(vs_fastest)} faster"
