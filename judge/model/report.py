"""The result of judging one solution: one object, rendered as a table or as JSON.

Hidden tests are redacted where the result is made (in the judging pipeline), not where
it is shown: a TestResult of a hidden test never holds its input, expected answer,
output, prints or messages, so no view can leak them.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Any

from msgspec import Struct, field
from msgspec.structs import asdict

from judge.model.verdict import Verdict

#: Bumped when a field of the JSON report changes meaning or disappears.
#: 2: ``notes`` hold objects (kind, message, test), not strings.
SCHEMA_VERSION = 2


class Isolation(Struct, frozen=True):
    """What containment a run achieved, for both reports."""

    level: str
    #: True only when the solution cannot read the answers, reach the network or outlive the run.
    isolated: bool
    #: What is missing, each with why.
    missing: list[str] = field(default_factory=list)
    #: What is in force.
    features: list[str] = field(default_factory=list)
    #: The cgroup version that charges and bounds the solution's whole process tree
    #: ("v2", "v1", or "v1+v2" when controllers come from both); None when none is used.
    cgroup: str | None = None
    #: The system-call filter: "on", "on, no new processes" (no cgroup to charge them), or "off".
    seccomp: str = "off"

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "isolated": self.isolated,
            "cgroup": self.cgroup,
            "seccomp": self.seccomp,
            "features": self.features,
            "missing": self.missing,
        }


class Growth(Struct, frozen=True):
    """How a solution's time grows with input size n, next to the reference's (time ≈ c·n^k)."""

    #: The fitted k, or None when it could not be told (``reason`` says why).
    exponent: float | None
    reference_exponent: float | None
    #: The 95% interval (low, high) of each k, from the fit's residuals (never narrower than ±0.05).
    exponent_interval: tuple[float, float] | None
    reference_exponent_interval: tuple[float, float] | None
    #: The sizes the fit used.
    sizes: list[int]
    #: Larger tests hit the time limit: the true exponent is at least ``exponent``.
    lower_bound: bool
    reason: str | None
    #: One line a person can read.
    summary: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


#: What a visible test's result shows beyond its verdict and measurements.
DETAILS = ("message", "input", "expected", "got", "stdout", "stderr")


class NoteKind(StrEnum):
    """What a note is about: a front end may show each kind its own way."""

    #: A failing test passes when rerun alone in a fresh process: the function keeps state between calls.
    STATE_LEAK = "state_leak"
    #: The function changed its arguments (checked on visible tests).
    MUTATES_INPUT = "mutates_input"
    #: How the counterexample search went when it found nothing (or could not run).
    SEARCH = "search"
    #: A module the challenge allows (allowed_modules) could not be imported on this machine.
    UNAVAILABLE_MODULE = "unavailable_module"


class Note(Struct, frozen=True):
    """Something the judge noticed besides the verdicts, in one sentence."""

    kind: NoteKind
    message: str
    #: The test it is about, when there is one (a hidden test is named, never shown).
    test: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "message": self.message, "test": self.test}


class Counterexample(Struct, frozen=True):
    """A small input, found by search, on which the solution disagrees with the reference.

    Drawn from the challenge's strategy.py, never from a hidden test: it is shown in full.
    """

    #: ``{"args": [...], "kwargs": {...}}``
    input: dict[str, Any]
    #: The reference's answer (or ``raises X``) and what the solution gave (or ``raised X``).
    expected: Any
    got: Any
    verdict: Verdict
    message: str | None = None
    stdout: str | None = None
    stderr: str | None = None
    #: How many inputs the search tried, and how long it took.
    tried: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["verdict"] = self.verdict.value
        for key in ("input", "expected", "got"):
            data[key] = json_safe(data[key])
        data["seconds"] = round(self.seconds, 3)
        return data


class Speed(Struct, frozen=True):
    """How fast an accepted run was, in terms a learner can read: where it stands among
    the known accepted solutions (timed on this machine at calibration) and how close it
    came to a budget. Only accepted runs have one."""

    #: How many of the compared accepted solutions took longer in total over the same tests.
    faster_than: int
    #: How many known accepted solutions it was compared with (a file identical to it is left out).
    compared: int
    #: The fastest of them (a file name under solutions/<id>/accepted/).
    fastest: str
    #: This run's total time ÷ the fastest one's (below 1: this run is faster than all of them).
    vs_fastest: float
    #: The largest share of a test's budget this run used (time ÷ budget), and that test.
    budget_share: float
    budget_test: str
    #: One line a person can read.
    summary: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class TestResult(Struct):
    __test__ = False  # not a pytest test class

    name: str
    hidden: bool
    verdict: Verdict
    #: CPU time of the call, measured by the judge.
    time_ms: float = 0.0
    wall_ms: float = 0.0
    #: The solution's own peak memory during the call, above what it held before.
    memory_kib: int = 0
    budget_ms: float | None = None
    #: The reference's CPU time on this test, on this machine (when calibrated).
    reference_ms: float | None = None
    #: Spread of repeated timings (min, max) when the test was fast enough to repeat.
    time_range_ms: tuple[float, float] | None = None
    size: int | None = None
    # -- sample tests only -------------------------------------------------
    message: str | None = None
    input: dict[str, Any] | None = None
    expected: Any = None
    got: Any = None
    stdout: str | None = None
    stderr: str | None = None

    @property
    def passed(self) -> bool:
        return self.verdict is Verdict.AC

    @property
    def ran(self) -> bool:
        """Whether the test was run at all (not skipped, and the solution loaded)."""
        return self.verdict not in (Verdict.SKIPPED, Verdict.CE)

    def to_dict(self) -> dict[str, Any]:
        # Shallow, field by field (json_safe copies the shown ones).
        data = {name: getattr(self, name) for name in _RESULT_FIELDS}
        data["verdict"] = self.verdict.value
        if self.hidden or not self.ran:
            # Hidden tests never show details; a test that never ran has none (not "expected None").
            for key in DETAILS:
                data.pop(key)
        else:
            for key in ("input", "expected", "got"):
                data[key] = json_safe(data[key])
        return data


_RESULT_FIELDS = TestResult.__struct_fields__


class Report(Struct):
    challenge: str
    solution: str
    verdict: Verdict
    tests: list[TestResult]
    isolation: Isolation | None = None
    #: Why the solution could not be loaded (CE only).
    compile_error: str | None = None
    #: Overall solution time divided by the reference's on the same tests (None when unknown,
    #: and for any run that was not accepted: its time says nothing about its speed).
    time_vs_reference: float | None = None
    #: The calibration multiplier: per-test budget = this × the slowest accepted solution.
    budget_multiplier: float | None = None
    #: Growth of time with input size, where the challenge marks a family of tests.
    growth: Growth | None = None
    #: Where an accepted run stands among the known accepted solutions (None unless AC and calibrated).
    speed: Speed | None = None
    #: What the judge noticed besides the verdicts (state kept between calls, mutated inputs, ...).
    notes: list[Note] = field(default_factory=list)
    #: Which tests ran: "all", "samples" (``judge test``) or "custom" (only the learner's own calls).
    scope: str = "all"
    #: A small input on which the solution disagrees with the reference, when a hidden test failed.
    counterexample: Counterexample | None = None

    @property
    def passed(self) -> int:
        return sum(t.passed for t in self.tests)

    @property
    def total(self) -> int:
        return len(self.tests)

    @property
    def time_ms(self) -> float:
        return sum(t.time_ms for t in self.tests)

    @property
    def memory_kib(self) -> int:
        return max((t.memory_kib for t in self.tests), default=0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "challenge": self.challenge,
            "solution": self.solution,
            "verdict": self.verdict.value,
            "passed": self.passed,
            "total": self.total,
            "time_ms": round(self.time_ms, 3),
            "memory_kib": self.memory_kib,
            "time_vs_reference": self.time_vs_reference,
            "budget_multiplier": self.budget_multiplier,
            "growth": self.growth.to_dict() if self.growth else None,
            "speed": self.speed.to_dict() if self.speed else None,
            "isolation": self.isolation.to_dict() if self.isolation else {},
            "compile_error": self.compile_error,
            "scope": self.scope,
            "notes": [n.to_dict() for n in self.notes],
            "counterexample": self.counterexample.to_dict() if self.counterexample else None,
            "tests": [t.to_dict() for t in self.tests],
        }


def json_safe(value: Any) -> Any:
    """NaN and infinities become strings, so the JSON report stays strict JSON."""
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    return value


def overall(tests: list[TestResult]) -> Verdict:
    """AC when every test passed, else the verdict of the first failing test (samples come first)."""
    for test in tests:
        if test.verdict not in (Verdict.AC, Verdict.SKIPPED):
            return test.verdict
    return Verdict.AC
