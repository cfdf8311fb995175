"""How a solution's time grows with input size: the exponent k in time ≈ c·n^k.

A challenge marks a family of hidden tests with ``"size": n``. The exponent is the
least-squares slope of log(time) against log(n) over that family, fitted for the
solution and for the reference on the same tests, with a 95% interval from the fit's
residuals: five noisy timings do not tell n^1.66 from n^1.92, and the report says so.
The fit refuses to guess when the sizes span too little, when too few tests finished,
or when the times are too close to the timer's floor to carry a trend.
"""

from __future__ import annotations

import math

from msgspec import Struct, field

from judge.model.report import Growth, TestResult
from judge.model.verdict import Verdict

#: Sizes must span at least this factor (largest / smallest n) to tell n from n².
MIN_SPAN = 4.0
#: At least this many distinct sizes with a measured time.
MIN_POINTS = 3
#: Below this (ms of CPU) the largest test's time is noise and start-up, not growth.
MIN_TIME_MS = 0.02
#: Student's t at 97.5% by degrees of freedom (points - 2), for a 95% interval of the
#: slope; between two entries the smaller df's (larger) value is used.
T975 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26, 10: 2.23, 15: 2.13, 20: 2.09}
T975_LARGE = 2.05
#: The interval is never narrower than ±this. Points that happen to sit on a line do not
#: make the exponent exact: per-test times vary by ±15% run to run on one machine
#: (docs/performance.md), which moves a fit over a 16× span of n by about this much.
MIN_HALF_WIDTH = 0.05


def t975(df: int) -> float:
    known = [d for d in T975 if d <= df]
    return T975[max(known)] if df <= max(T975) else T975_LARGE


class Fit(Struct):
    """The fitted exponent, or None with the reason it could not be told."""

    exponent: float | None
    #: The sizes the fit used.
    sizes: list[int] = field(default_factory=list)
    reason: str | None = None
    #: True when some tests were cut short by the time limit, so the true exponent is at least this.
    lower_bound: bool = False
    #: Half the width of the exponent's 95% interval (the interval is exponent ± this).
    half_width: float | None = None

    @property
    def interval(self) -> tuple[float, float] | None:
        if self.exponent is None or self.half_width is None:
            return None
        return round(self.exponent - self.half_width, 2), round(self.exponent + self.half_width, 2)

    def text(self) -> str:
        """``n^1.8 ± 0.2``: as many decimals as the interval supports (one, or two when it is under 0.1)."""
        if self.exponent is None:
            return "?"
        if self.half_width is None:
            return f"n^{self.exponent:.2f}" + ("+" if self.lower_bound else "")
        digits = 1 if self.half_width >= 0.1 else 2
        # The shown half-width is rounded up: the interval never looks tighter than it is.
        shown = math.ceil(self.half_width * 10**digits - 1e-9) / 10**digits
        return f"n^{self.exponent:.{digits}f} ± {shown:.{digits}f}"


def fit(points: list[tuple[int, float]], cut_short: list[tuple[int, float]] | None = None) -> Fit:
    """Fit time ≈ c·n^k over (n, time_ms) points of tests that finished.

    ``cut_short`` are (n, time_ms) of tests stopped at the time limit: their true time is
    larger. They are left out of the fit when enough finished tests remain; either way the
    result is marked as a lower bound, since the steepest part of the curve was cut off.
    """
    cut_short = cut_short or []
    usable = [(n, t) for n, t in points if n > 0 and t > 0]
    lower = bool(cut_short)
    sizes = sorted({n for n, _ in usable})
    if len(sizes) < MIN_POINTS and cut_short:
        # Times cut at the budget are flat by construction: fitting them would report a
        # slow solution as a slowly growing one.
        first = min(n for n, _ in cut_short)
        why = f"the tests from n = {first:,} on hit the time limit"
        why += f", so only {len(sizes)} size(s) finished" if sizes else ", so none finished"
        return Fit(None, sizes, why, lower)
    if len(sizes) < MIN_POINTS:
        return Fit(None, sizes, f"only {len(sizes)} size(s) measured; at least {MIN_POINTS} are needed", lower)
    if sizes[-1] / sizes[0] < MIN_SPAN:
        return Fit(None, sizes, f"n spans only {sizes[-1] / sizes[0]:.1f}× (at least {MIN_SPAN:g}× is needed)", lower)
    if max(t for _, t in usable) < MIN_TIME_MS:
        return Fit(None, sizes, "the times are too close to the timer's resolution", lower)
    xs = [math.log(n) for n, _ in usable]
    ys = [math.log(t) for _, t in usable]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    # The slope's standard error from the residuals around the fitted line.
    residuals = sum((y - my - slope * (x - mx)) ** 2 for x, y in zip(xs, ys, strict=True))
    df = len(xs) - 2
    half = t975(df) * math.sqrt(residuals / df / sxx) if df > 0 else math.inf
    return Fit(round(slope, 2), sizes, None, lower, round(max(half, MIN_HALF_WIDTH), 2))


def describe(mine: Fit, reference: Fit | None) -> Growth:
    """The report's ``growth`` entry: both exponents and one line a person can read."""
    if mine.exponent is None:
        summary = f"growth: too small to tell ({mine.reason})"
        if reference is not None and reference.exponent is not None:
            summary += f"; the reference grows like {reference.text()}"
    else:
        summary = f"time grows like {mine.text()}"
        if reference is not None and reference.exponent is not None:
            summary += f" (reference {reference.text()})"
        elif reference is not None:
            summary += f" (reference: too small to tell, {reference.reason})"
        lo, hi = mine.sizes[0], mine.sizes[-1]
        summary += f" over n = {lo:,}…{hi:,}"
        if mine.lower_bound:
            summary += "; larger tests hit the time limit, so it grows at least this fast"
    return Growth(
        exponent=mine.exponent,
        reference_exponent=reference.exponent if reference is not None else None,
        exponent_interval=mine.interval,
        reference_exponent_interval=reference.interval if reference is not None else None,
        sizes=mine.sizes,
        lower_bound=mine.lower_bound,
        reason=mine.reason,
        summary=summary,
    )


def growth_of(tests: list[TestResult], reference_ms: dict[str, float]) -> Growth | None:
    """The growth entry of a report, over the tests that carry a size (None when there are none)."""
    family = [t for t in tests if t.size is not None and t.verdict is not Verdict.SKIPPED]
    if not family:
        return None
    done = [(t.size, t.time_ms) for t in family if t.verdict in (Verdict.AC, Verdict.WA) and t.size]
    cut = [(t.size, t.time_ms) for t in family if t.verdict is Verdict.TLE and t.size]
    if not done and not cut:
        return None
    mine = fit(done, cut)
    ref_points = [(t.size, reference_ms[t.name]) for t in family if t.size and t.name in reference_ms]
    reference = fit(ref_points) if ref_points else None
    return describe(mine, reference)
