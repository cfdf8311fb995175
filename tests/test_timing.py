"""The timing machinery: measured from outside, repeated for fast tests. No timing thresholds
here beyond "a busy loop of 0.5 s is not free"; the numbers live in benchmarks/."""

from __future__ import annotations

from typing import Any

import pytest

from judge.judging.engine import Options, judge
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.problemset import ProblemSet, builtin_root
from judge.runner.child import Child

CAN_SHIFT = ProblemSet(builtin_root(), "built-in").challenge("can_shift")

FREEZE_CLOCKS = """
import resource, time
_real = time.process_time
def _frozen(*a, **k):
    return 0.0
for _name in ("process_time", "perf_counter", "monotonic", "time", "thread_time"):
    setattr(time, _name, _frozen)
for _name in ("process_time_ns", "perf_counter_ns", "monotonic_ns", "time_ns", "thread_time_ns"):
    setattr(time, _name, lambda *a, **k: 0)
time.clock_gettime = lambda *a, **k: 0.0
resource.getrusage = lambda *a, **k: resource.struct_rusage((0.0,) * 16)
_calls = 0

def can_shift(a, b):
    global _calls
    _calls += 1
    {body}
    return len(a) == len(b) and b in a + a
"""


def budgets(seconds: float) -> dict[str, float]:
    return {t.name: seconds for t in CAN_SHIFT.tests}


@pytest.mark.timeout(120)
def test_freezing_the_clocks_does_not_escape_the_time_limit() -> None:
    source = FREEZE_CLOCKS.format(body="while True: pass")
    report = judge(CAN_SHIFT, Source("frozen.py", source.encode()), Options(budgets=budgets(0.3), fail_fast=True))
    assert report.verdict is Verdict.TLE
    assert report.tests[0].verdict is Verdict.TLE


@pytest.mark.timeout(120)
def test_freezing_the_clocks_does_not_lower_the_measured_time() -> None:
    # Burn 0.2 s of CPU by the real clock (saved before patching) on the first call only.
    body = "if _calls == 1:\n        t = _real()\n        while _real() - t < 0.2: pass"
    source = FREEZE_CLOCKS.format(body=body)
    report = judge(CAN_SHIFT, Source("frozen.py", source.encode()), Options(budgets=budgets(5.0), fail_fast=True))
    first = report.tests[0]
    assert report.verdict is Verdict.AC
    assert first.time_ms >= 150  # it burned 200 ms; its clocks said 0


class Spy:
    """Counts the requests the grader sends, by kind."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sent: list[dict[str, Any]] = []
        real = Child.request

        def request(child: Child, message: dict[str, Any], budget: Any, **kwargs: Any) -> Any:
            self.sent.append(message)
            return real(child, message, budget, **kwargs)

        monkeypatch.setattr(Child, "request", request)

    def again(self) -> list[dict[str, Any]]:
        return [m for m in self.sent if m.get("op") == "put" and m.get("again")]


@pytest.mark.timeout(120)
def test_fast_tests_get_repeated_timing_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    source = Source("reference.py", CAN_SHIFT.reference_path.read_bytes())
    report = judge(CAN_SHIFT, source, Options(budgets=budgets(5.0)))
    assert report.verdict is Verdict.AC
    samples = [t for t in report.tests if not t.hidden]
    assert samples and all(t.time_range_ms is not None for t in samples)
    for t in samples:
        low, high = t.time_range_ms
        assert low <= t.time_ms <= high
    # The input crossed the pipe once per test: repeats reuse it, several copies per block.
    assert spy.again() and max(m["reps"] for m in spy.again()) > 1
    assert all("call" not in m for m in spy.again())


@pytest.mark.timeout(120)
def test_repetition_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    options = Options(budgets=budgets(5.0), repeat=False)
    report = judge(CAN_SHIFT, Source("reference.py", CAN_SHIFT.reference_path.read_bytes()), options)
    assert report.verdict is Verdict.AC
    assert not spy.again() and all(t.time_range_ms is None for t in report.tests)


@pytest.mark.timeout(120)
def test_precise_times_every_test_again_slow_ones_included(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(monkeypatch)
    options = Options(budgets=budgets(5.0), precise=2)
    report = judge(CAN_SHIFT, Source("reference.py", CAN_SHIFT.reference_path.read_bytes()), options)
    assert report.verdict is Verdict.AC
    assert all(t.time_range_ms is not None for t in report.tests)
    # One extra input transfer per test (two for the fastest ones, sized by a pilot block).
    assert len(report.tests) <= len(spy.again()) <= 2 * len(report.tests)


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_growth_tells_the_naive_can_shift_from_a_linear_one() -> None:
    def growth_of(path: str) -> dict[str, Any]:
        file = CAN_SHIFT.solutions_path / path
        report = judge(CAN_SHIFT, Source(path, file.read_bytes()), Options())
        assert report.growth is not None
        return report.growth.to_dict()

    naive = growth_of("time_limit_exceeded/interview_fixed.py")
    linear = growth_of("accepted/kmp.py")
    assert naive["exponent"] is not None and linear["exponent"] is not None
    assert linear["exponent"] < 1.3 < naive["exponent"], (linear["summary"], naive["summary"])
    assert "reference n^" in linear["summary"]


@pytest.mark.timeout(120)
def test_what_the_solution_loaded_is_out_of_the_collectors_sight() -> None:
    # A heavy import (scikit-learn is half a million objects) made a full collection land
    # in one test at random: tens of milliseconds that were not the test's. The objects
    # alive after the load are frozen; this solution is only right if its own are.
    source = """
import gc
_loaded = [[] for _ in range(1000)]

def can_shift(a, b):
    if gc.get_freeze_count() < len(_loaded):
        raise RuntimeError(f"only {gc.get_freeze_count()} objects frozen")
    return len(a) == len(b) and b in a + a
"""
    report = judge(CAN_SHIFT, Source("frozen_gc.py", source.encode()), Options(budgets=budgets(5.0), repeat=False))
    assert report.verdict is Verdict.AC, [(t.name, t.verdict, t.message) for t in report.tests]
