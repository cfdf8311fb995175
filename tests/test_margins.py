"""Time margins: computed from made-up reports (no timing), and named by judge validate on a
challenge whose solutions burn known amounts of CPU against a fixed budget."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from judge.authoring import margins
from judge.authoring.busy import one_core_busy
from judge.cli import cli
from judge.model.report import Report, TestResult
from judge.model.verdict import Verdict

BUDGETS = {"small": 0.1, "big": 1.0}


def run(times: dict[str, tuple[float, Verdict]]) -> Report:
    tests = [TestResult(name, True, verdict, time_ms=ms) for name, (ms, verdict) in times.items()]
    verdict = next((t.verdict for t in tests if t.verdict is not Verdict.AC), Verdict.AC)
    return Report("demo", "x.py", verdict, tests)


def never(path: Path, scale: float, fail_fast: bool) -> Report:
    raise AssertionError("no second measurement was needed")


def test_the_accepted_margin_is_the_smallest_budget_to_time_ratio_over_tests_and_solutions() -> None:
    accepted = {
        Path("fast.py"): run({"small": (1.0, Verdict.AC), "big": (100.0, Verdict.AC)}),
        Path("slow.py"): run({"small": (40.0, Verdict.AC), "big": (250.0, Verdict.AC)}),
    }
    m = margins.measure("quiet", accepted, {}, BUDGETS, never)
    assert (m.accepted, m.accepted_test, m.accepted_solution) == (2.5, "small", "slow.py")
    assert m.tle is None and m.accepted_ok and m.tle_ok


def test_the_tle_margin_is_each_solutions_worst_test_and_the_smallest_over_solutions() -> None:
    # Runs at TLE_CAP × the budgets: "big" of quadratic.py was stopped at the cap.
    slow = {
        Path("quadratic.py"): run({"small": (50.0, Verdict.AC), "big": (4100.0, Verdict.TLE)}),
        Path("cubic.py"): run({"small": (350.0, Verdict.AC), "big": (0.0, Verdict.SKIPPED)}),
    }
    m = margins.measure("quiet", {}, slow, BUDGETS, never)
    assert (m.tle, m.tle_test, m.tle_solution, m.tle_capped) == (3.5, "small", "cubic.py", False)
    assert m.tle_ok
    slow.pop(Path("cubic.py"))
    m = margins.measure("quiet", {}, slow, BUDGETS, never)
    assert (m.tle, m.tle_capped) == (margins.TLE_CAP, True)


def test_a_low_margin_is_measured_again_before_it_counts() -> None:
    calls = []

    def again(path: Path, scale: float, fail_fast: bool) -> Report:
        calls.append((path.name, scale, fail_fast))
        if scale == 1.0:  # the accepted one was slow once: its second run is the usual
            return run({"small": (10.0, Verdict.AC), "big": (300.0, Verdict.AC)})
        return run({"small": (20.0, Verdict.AC), "big": (2600.0, Verdict.AC)})  # still only 2.6×

    accepted = {Path("learner.py"): run({"small": (10.0, Verdict.AC), "big": (700.0, Verdict.AC)})}
    slow = {Path("barely.py"): run({"small": (20.0, Verdict.AC), "big": (2500.0, Verdict.AC)})}
    m = margins.measure("busy", accepted, slow, BUDGETS, again)
    assert calls == [("learner.py", 1.0, False), ("barely.py", margins.TLE_CAP, True)]
    assert (m.accepted, m.accepted_test) == (3.33, "big") and m.accepted_ok
    assert (m.tle, m.tle_test, m.tle_solution) == (2.6, "big", "barely.py") and not m.tle_ok
    assert m.to_dict()["condition"] == "busy"


def test_a_low_accepted_margin_keeps_the_fastest_of_its_retries_and_stops_at_the_limit() -> None:
    runs = iter([700.0, 300.0])  # slow once more, then its usual time

    def again(path: Path, scale: float, fail_fast: bool) -> Report:
        return run({"small": (10.0, Verdict.AC), "big": (next(runs), Verdict.AC)})

    accepted = {Path("learner.py"): run({"small": (10.0, Verdict.AC), "big": (800.0, Verdict.AC)})}
    m = margins.measure("quiet", accepted, {}, BUDGETS, again)
    assert margins.ACCEPTED_RETRIES == 2 and next(runs, None) is None  # both retries were used
    assert (m.accepted, m.accepted_test) == (3.33, "big") and m.accepted_ok

    calls = []

    def always_slow(path: Path, scale: float, fail_fast: bool) -> Report:
        calls.append(path.name)
        return run({"small": (10.0, Verdict.AC), "big": (600.0, Verdict.AC)})

    accepted = {Path("slow.py"): run({"small": (10.0, Verdict.AC), "big": (800.0, Verdict.AC)})}
    m = margins.measure("quiet", accepted, {}, BUDGETS, always_slow)
    assert calls == ["slow.py"] * margins.ACCEPTED_RETRIES
    assert (m.accepted, m.accepted_solution) == (1.67, "slow.py") and not m.accepted_ok


def test_one_core_busy_spins_a_process_and_ends_it() -> None:
    with one_core_busy() as proc:
        deadline = time.monotonic() + 5
        spent = 0.0
        while spent <= 0.05 and time.monotonic() < deadline:
            time.sleep(0.05)
            with open(f"/proc/{proc.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            spent = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        assert spent > 0.05, "the busy process does not use the CPU"
    assert proc.poll() is not None  # ended with the block


# -- through judge validate ----------------------------------------------------

#: Right answers, after burning ``seconds`` of CPU (by the solution's own clock) on the largest test.
BURN = """
import time

def spin(nums):
    if len(nums) == 200_000:
        start = time.process_time()
        while time.process_time() - start < {seconds}:
            pass
    return sum(x * x for x in nums)
"""


@pytest.fixture
def spin(tmp_path: Path) -> Path:
    """judge new's example, with a fixed 250 ms budget per test and two solutions too close to it."""
    assert CliRunner().invoke(cli, ["--root", str(tmp_path), "new", "spin"]).exit_code == 0
    toml = tmp_path / "challenges" / "spin" / "challenge.toml"
    toml.write_text(toml.read_text().replace("[limits]\n", "[limits]\ntime_ms = 250\n"))
    solutions = tmp_path / "solutions" / "spin"
    # Budget ÷ time about 1.7 (< 2): an accepted solution one slow moment from TLE.
    (solutions / "accepted" / "slowish.py").write_text(BURN.format(seconds=0.15))
    # Time ÷ budget about 1.6 (< 3): a TLE that a slightly faster machine would accept.
    (solutions / "time_limit_exceeded").mkdir()
    (solutions / "time_limit_exceeded" / "barely.py").write_text(BURN.format(seconds=0.4))
    return tmp_path


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_validate_fails_on_thin_margins_naming_the_solutions(spin: Path) -> None:
    result = CliRunner().invoke(cli, ["--root", str(spin), "validate", "spin", "--json", "--no-busy"])
    assert result.exit_code == 1, result.output
    [challenge] = json.loads(result.stdout)["challenges"]
    found = {p["file"]: p["reason"] for p in challenge["problems"] if p["severity"] == "error"}
    assert set(found) == {"solutions/spin/accepted/slowish.py", "solutions/spin/time_limit_exceeded/barely.py"}
    assert "its budget on test 'random-200000' is only" in found["solutions/spin/accepted/slowish.py"]
    assert "raise limits.time_ms" in found["solutions/spin/accepted/slowish.py"]  # the fixture's budget is fixed
    assert "needs only" in found["solutions/spin/time_limit_exceeded/barely.py"]
    assert "make the large tests larger" in found["solutions/spin/time_limit_exceeded/barely.py"]
    # Both say they come from a timing (the suite holds built-in challenges to its own floors).
    assert {p["check"] for p in challenge["problems"] if p["severity"] == "error"} == {"margins"}
    m = challenge["margins"]
    assert m["thresholds"] == {"accepted": 2.0, "tle": 3.0, "tle_cap": margins.TLE_CAP}
    assert set(m) == {"thresholds", "quiet"}  # --no-busy
    quiet = m["quiet"]
    assert quiet["accepted"] < 2 and quiet["accepted_solution"] == "slowish.py"
    assert quiet["tle"] < 3 and quiet["tle_solution"] == "barely.py" and not quiet["tle_capped"]
    text = CliRunner().invoke(cli, ["--root", str(spin), "validate", "spin", "--no-busy"]).output
    assert "time margins" in text and "slowish.py" in text and "needed" in text


def test_the_terminal_view_shows_each_condition_and_the_thresholds() -> None:
    import io

    from rich.console import Console

    from judge.authoring.validate import Validation
    from judge.cli import views

    low = margins.Margins("quiet", 1.7, "big", "slowish.py", 4.0, "huge", "all_pairs.py", True)
    fine = margins.Margins("busy", 2.6, "big", "slowish.py", 3.2, "huge", "all_pairs.py", False)
    out = Console(file=io.StringIO(), width=200)
    views.validation([Validation("demo", "built-in", margins=[low, fine])], out)
    text = out.file.getvalue()
    assert "1.7×  slowish.py · big" in text and "≥4.0×  all_pairs.py · huge" in text
    assert "one core busy" in text and "2.6×" in text and "3.2×  all_pairs.py" in text
    assert "≥2×" in text and "≥3×" in text
