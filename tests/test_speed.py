"""How an accepted run's speed is told: its place among the accepted solutions, its budget use,
and the ratio to the reference for accepted runs only. Made-up reports; nothing is timed."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from judge.cli import views
from judge.grading.gradebook import Scorer, Submission
from judge.judging.calibration import Calibration
from judge.judging.speed import standing, times_x
from judge.model.report import Report, TestResult
from judge.model.verdict import Verdict

#: Per-test ms of four accepted solutions on two tests (totals 2, 20, 50, 100).
ACCEPTED = {
    "reference.py": {"small": 1.0, "big": 1.0},
    "kmp.py": {"small": 10.0, "big": 10.0},
    "learner_kmp.py": {"small": 10.0, "big": 40.0},
    "z_function.py": {"small": 20.0, "big": 80.0},
}


def report(verdict: Verdict, small: float, big: float) -> Report:
    tests = [
        TestResult("small", False, Verdict.AC, time_ms=small, budget_ms=100.0),
        TestResult("big", True, verdict, time_ms=big, budget_ms=240.0),
    ]
    return Report("demo", "mine.py", verdict, tests)


def test_an_accepted_run_is_placed_among_the_accepted_solutions() -> None:
    speed = standing(report(Verdict.AC, 10.0, 30.0), ACCEPTED)  # total 40
    assert speed is not None
    assert (speed.faster_than, speed.compared, speed.fastest) == (2, 4, "reference.py")
    assert speed.vs_fastest == 20.0
    assert speed.summary == "faster than 2 of 4 known accepted solutions; the fastest (reference.py) is 20× faster"
    # The closest call: 30 of 240 ms (12.5%) beats 10 of 100 ms (10%).
    assert (speed.budget_test, speed.budget_share) == ("big", 0.125)


@pytest.mark.parametrize(
    ("small", "big", "same_as", "summary"),
    [
        (0.5, 0.5, (), "faster than all 4 known accepted solutions; 2× faster than the fastest (reference.py)"),
        (60.0, 60.0, (), "slower than all 4 known accepted solutions; the fastest (reference.py) is 60× faster"),
        # The file judged is reference.py itself: it is compared with the other three only.
        (
            1.0,
            1.0,
            ("reference.py",),
            "faster than all 3 known accepted solutions; 10× faster than the fastest (kmp.py)",
        ),
    ],
)
def test_first_and_last_places_read_naturally(small: float, big: float, same_as: tuple[str, ...], summary: str) -> None:
    speed = standing(report(Verdict.AC, small, big), ACCEPTED, same_as)
    assert speed is not None and speed.summary == summary


def test_one_known_solution() -> None:
    speed = standing(report(Verdict.AC, 1.0, 3.0), {"reference.py": {"small": 1.0, "big": 1.0}})
    assert speed is not None
    assert speed.summary == "slower than the one known accepted solution (reference.py), which is 2× faster"


@pytest.mark.parametrize("verdict", [Verdict.WA, Verdict.TLE, Verdict.RE, Verdict.CE])
def test_only_accepted_runs_have_a_speed_or_a_ratio(verdict: Verdict) -> None:
    run = report(verdict, 0.5, 240.0)
    calibration = Calibration(budgets_s={}, reference_ms={"small": 1.0, "big": 1.0}, accepted_ms=ACCEPTED)
    assert standing(run, ACCEPTED) is None
    assert calibration.ratio(run) is None
    accepted = report(Verdict.AC, 1.0, 3.0)
    assert calibration.ratio(accepted) == 2.0


def test_gradebook_rows_of_non_accepted_runs_have_no_ratio() -> None:
    scorer = Scorer("demo", "v1", ratio=lambda r: 35.8)  # a ratio function that forgets the rule
    sub = Submission("a.py", None, "0" * 64, b"")  # type: ignore[arg-type]
    assert scorer.row(sub, report(Verdict.TLE, 1.0, 240.0)).time_vs_reference is None
    assert scorer.row(sub, report(Verdict.AC, 1.0, 3.0)).time_vs_reference == 35.8


def test_times_are_shown_with_the_precision_they_have() -> None:
    assert [times_x(x) for x in (41.4, 10.0, 3.42, 1.0, 0.25)] == ["41×", "10×", "3.4×", "1×", "0.25×"]


def render(r: Report) -> str:
    out = Console(file=io.StringIO(), width=200)
    views.report(r, out)
    return out.file.getvalue()


def test_the_summary_shows_speed_for_accepted_runs_only() -> None:
    accepted = report(Verdict.AC, 10.0, 30.0)
    accepted.time_vs_reference, accepted.budget_multiplier = 20.0, 3.0
    accepted.speed = standing(accepted, ACCEPTED)
    text = render(accepted)
    assert "speed: faster than 2 of 4 known accepted solutions; the fastest (reference.py) is 20× faster" in text
    assert "budget: at most 12% used (big); budgets are 3× the slowest accepted solution" in text
    assert "× the reference" not in text  # the bare ratio alarmed learners; the place says what it means
    crashed = report(Verdict.RE, 0.5, 0.1)
    assert "speed:" not in render(crashed) and "budget:" not in render(crashed)
