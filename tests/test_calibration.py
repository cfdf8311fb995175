"""How calibration turns timed rounds of the accepted solutions into budgets. The judging is
scripted (no process starts): each accepted solution gets a made-up report per round."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from judge.judging import calibration
from judge.model.events import Calibrating, Event
from judge.model.report import Report, TestResult
from judge.model.verdict import Verdict
from judge.problems.problemset import ProblemSet, builtin_root

CAN_SHIFT = ProblemSet(builtin_root(), "built-in").challenge("can_shift")
NAMES = [t.name for t in CAN_SHIFT.tests]


def scripted(monkeypatch: pytest.MonkeyPatch, times: dict[str, list[float | None]]) -> list[str]:
    """Each accepted solution's time on every test, per round (None: it gets WA that round)."""
    calls: list[str] = []

    def judge_with_budgets(challenge: Any, source: Any, budgets: Any, session: Any) -> Report:
        name = Path(source.name).name
        ms = times[name][sum(c == name for c in calls)]
        calls.append(name)
        verdict = Verdict.WA if ms is None else Verdict.AC
        tests = [TestResult(n, False, verdict, time_ms=ms or 0.0) for n in NAMES]
        return Report(challenge.id, name, verdict, tests)

    class Session:
        def close(self) -> None:
            pass

    monkeypatch.setattr(calibration, "judge_with_budgets", judge_with_budgets)
    monkeypatch.setattr(calibration, "new_session", lambda challenge, sandbox: Session())
    return calls


def test_budgets_rest_on_the_slowest_round_and_speeds_on_the_mean(monkeypatch: pytest.MonkeyPatch) -> None:
    accepted = [p.name for p in CAN_SHIFT.accepted()]
    assert "reference.py" in accepted and "kmp.py" in accepted
    # kmp.py was timed in a fast moment first: its budget must come from its slower round.
    times: dict[str, list[float | None]] = {name: [10.0, 10.0] for name in accepted}
    times["kmp.py"] = [100.0, 150.0]
    times["reference.py"] = [2.0, 4.0]
    calls = scripted(monkeypatch, times)
    events: list[Event] = []
    result = calibration.measure(CAN_SHIFT, sandbox=None, on_event=events.append)  # type: ignore[arg-type]
    assert calls == accepted * calibration.ROUNDS  # in rounds: one solution's timings are apart
    multiplier = CAN_SHIFT.config.limits.time_multiplier
    assert all(result.budgets_s[n] == pytest.approx(max(0.1, multiplier * 0.150)) for n in NAMES)
    assert result.slowest_ms == dict.fromkeys(NAMES, 150.0)
    assert result.reference_ms == dict.fromkeys(NAMES, 3.0)
    assert result.accepted_ms["kmp.py"] == dict.fromkeys(NAMES, 125.0)
    texts = [e.text for e in events if isinstance(e, Calibrating)]
    last = f"({len(calls)}/{len(calls)}: {accepted[-1]}); first run only"
    assert len(texts) == len(calls) and texts[-1].endswith(last)


def test_a_solution_that_fails_a_round_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    accepted = [p.name for p in CAN_SHIFT.accepted()]
    times: dict[str, list[float | None]] = {name: [10.0, 10.0] for name in accepted}
    times["kmp.py"] = [500.0, None]  # slow, then wrong: flaky, so it sets no budget
    scripted(monkeypatch, times)
    result = calibration.measure(CAN_SHIFT, sandbox=None)  # type: ignore[arg-type]
    assert result.rejected == ["kmp.py: WA"]
    assert "kmp.py" not in result.accepted_ms
    assert result.slowest_ms == dict.fromkeys(NAMES, 10.0)
