"""How a report becomes a score: the weighted fraction of hidden tests passed.

One rule for every place that scores (the gradebook, the Gradescope results), so a
student's score reads the same wherever it is shown.
"""

from __future__ import annotations

from judge.model.report import Report, TestResult


def weight(name: str, weights: dict[str, float]) -> float:
    """A test's weight: that of the longest matching name prefix, else 1."""
    best = max((p for p in weights if name.startswith(p)), key=len, default=None)
    return 1.0 if best is None else weights[best]


def counted(report: Report) -> list[TestResult]:
    """The tests a score counts: the hidden ones (all of them, if a challenge has no hidden test)."""
    return [t for t in report.tests if t.hidden] or report.tests


def score(report: Report, weights: dict[str, float]) -> float:
    """The weighted fraction of counted tests passed, 0..1."""
    tests = counted(report)
    total = sum(weight(t.name, weights) for t in tests)
    if total <= 0:
        return 0.0
    return round(sum(weight(t.name, weights) for t in tests if t.passed) / total, 6)
