"""The growth fit on synthetic timings: no timing is measured here."""

from __future__ import annotations

import random

import pytest

from judge.judging import growth
from judge.judging.growth import growth_of
from judge.model import report
from judge.model.verdict import Verdict

SIZES = [4_000, 8_000, 16_000, 32_000, 64_000]


@pytest.mark.parametrize("k", [0.5, 1.0, 2.0, 3.0])
def test_exact_power_laws_are_recovered(k: float) -> None:
    fit = growth.fit([(n, 5.0 * (n / SIZES[-1]) ** k) for n in SIZES])
    assert fit.exponent == pytest.approx(k, abs=0.01)
    assert fit.reason is None and not fit.lower_bound


def test_ten_percent_noise_keeps_the_exponent_within_a_tenth() -> None:
    rng = random.Random(5)
    for _ in range(200):
        k, top = rng.uniform(0.3, 3.0), rng.uniform(0.1, 1000.0)
        fit = growth.fit([(n, top * (n / SIZES[-1]) ** k * rng.uniform(0.9, 1.1)) for n in SIZES])
        assert fit.exponent is not None and abs(fit.exponent - k) < 0.1, (k, fit)


def test_linear_and_quadratic_are_told_apart_despite_a_constant_overhead() -> None:
    overhead = 0.05  # ms of round trip that does not grow
    linear = growth.fit([(n, overhead + 2e-4 * n) for n in SIZES])
    quadratic = growth.fit([(n, overhead + 1e-7 * n * n) for n in SIZES])
    assert linear.exponent is not None and quadratic.exponent is not None
    assert linear.exponent < 1.2 < 1.7 < quadratic.exponent


@pytest.mark.parametrize(
    ("points", "why"),
    [
        ([(1000, 1.0), (2000, 2.0), (3000, 3.0)], "spans only"),
        ([(1000, 1.0), (64_000, 64.0)], "at least 3"),
        ([(n, 0.001) for n in SIZES], "resolution"),
        ([], "at least 3"),
    ],
)
def test_too_small_to_tell(points: list[tuple[int, float]], why: str) -> None:
    fit = growth.fit(points)
    assert fit.exponent is None and why in (fit.reason or "")
    assert "too small to tell" in growth.describe(fit, None).summary


def test_time_limited_tests_make_a_lower_bound() -> None:
    finished = [(n, 1e-6 * n * n) for n in SIZES[:3]]
    fit = growth.fit(finished, cut_short=[(32_000, 1000.0), (64_000, 1000.0)])
    assert fit.exponent == pytest.approx(2.0, abs=0.01) and fit.lower_bound
    assert fit.sizes == SIZES[:3]
    # With too few finished tests there is no fit: times cut at the budget are flat by
    # construction and would make a slow solution look like a slowly growing one.
    fit = growth.fit(finished[:1], cut_short=[(16_000, 200.0), (64_000, 200.0)])
    assert fit.exponent is None and fit.lower_bound
    assert fit.reason is not None and "n = 16,000" in fit.reason


def test_summary_names_both_exponents() -> None:
    mine = growth.fit([(n, 1e-7 * n**2) for n in SIZES])
    ref = growth.fit([(n, 1e-4 * n) for n in SIZES])
    entry = growth.describe(mine, ref)
    assert entry.exponent == 2.0 and entry.reference_exponent == 1.0
    # Exact power laws still get the smallest interval the timing noise allows.
    assert entry.exponent_interval == (1.95, 2.05) and entry.reference_exponent_interval == (0.95, 1.05)
    assert entry.summary.startswith("time grows like n^2.00 ± 0.05 (reference n^1.00 ± 0.05)")


def test_the_interval_covers_the_true_exponent_and_says_how_precise_it_is() -> None:
    # Timings with 20% noise: the 95% interval must hold the true exponent about 95% of
    # the time, and the text shows one decimal when the interval is that wide.
    rng = random.Random(12)
    covered, trials = 0, 400
    for _ in range(trials):
        k = rng.uniform(0.5, 2.5)
        fit = growth.fit([(n, (n / SIZES[-1]) ** k * rng.uniform(0.8, 1.2)) for n in SIZES])
        assert fit.interval is not None
        covered += fit.interval[0] <= k <= fit.interval[1]
    assert covered >= 0.9 * trials


def test_the_text_keeps_only_the_digits_the_interval_supports() -> None:
    assert growth.Fit(1.79, SIZES, half_width=0.13).text() == "n^1.8 ± 0.2"  # rounded up, never tighter
    assert growth.Fit(1.79, SIZES, half_width=0.1).text() == "n^1.8 ± 0.1"
    assert growth.Fit(1.79, SIZES, half_width=0.06).text() == "n^1.79 ± 0.06"
    assert growth.Fit(1.79, SIZES).text() == "n^1.79"


def test_a_curved_trend_gets_a_wide_interval() -> None:
    # Linear at first, quadratic later (an O(n²) loop with a large O(n) part): no one exponent fits.
    fit = growth.fit([(n, 1e-3 * n + 6.25e-8 * n * n) for n in SIZES])  # equal parts at n = 16,000
    assert fit.half_width is not None and fit.half_width > 0.1


def test_report_growth_uses_the_sized_family_and_the_reference_times() -> None:
    tests = [report.TestResult("small", False, Verdict.AC, time_ms=0.01)]
    tests += [report.TestResult(f"s{n}", True, Verdict.AC, time_ms=1e-7 * n * n, size=n) for n in SIZES[:4]]
    tests += [report.TestResult("s64000", True, Verdict.TLE, time_ms=300.0, size=64_000)]
    entry = growth_of(tests, {f"s{n}": 1e-4 * n for n in SIZES})
    assert entry is not None
    assert entry.exponent == 2.0 and entry.reference_exponent == 1.0 and entry.lower_bound
    assert growth_of(tests[:1], {}) is None
