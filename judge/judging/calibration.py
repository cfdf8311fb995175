"""Time budgets that fit the machine, the way Kattis derives its time limit.

Per test: budget = max(floor, multiplier × the slowest accepted solution's CPU time
on that test, measured on this machine: the slower of two rounds). The measurement is
cached, keyed by everything it depends on, so only the first run pays for it.
"""

from __future__ import annotations

import hashlib
import platform
import sys
from dataclasses import dataclass, field

from judge import __version__
from judge.judging.run import judge_with_budgets, new_session
from judge.model.errors import ChallengeError
from judge.model.events import Calibrating, EventFn, ignore
from judge.model.report import Report
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems import cache
from judge.problems.challenge import Challenge
from judge.runner.sandbox import ProcessSandbox
from judge.runner.session import MEASUREMENT

#: The per-test budget while calibrating: enough for any sane accepted solution.
CALIBRATION_BUDGET_S = 60.0


@dataclass
class Calibration:
    budgets_s: dict[str, float]
    #: The reference's CPU time per test, in ms (empty when there is no reference).
    reference_ms: dict[str, float] = field(default_factory=dict)
    #: The slowest accepted solution's CPU time per test, in ms.
    slowest_ms: dict[str, float] = field(default_factory=dict)
    multiplier: float | None = None
    #: Accepted solutions that did not get AC while calibrating (left out of the budgets).
    rejected: list[str] = field(default_factory=list)
    #: Every accepted solution's CPU time per test in ms, by file name: where a new
    #: accepted solution stands among them (``judge.judging.speed``).
    accepted_ms: dict[str, dict[str, float]] = field(default_factory=dict)

    def ratio(self, report: Report) -> float | None:
        """Overall solution time / reference time, for an accepted run only.

        A crashed, wrong or cut-short run's time says nothing about its speed: None.
        """
        if report.verdict is not Verdict.AC:
            return None
        mine = ref = 0.0
        for t in report.tests:
            if t.name in self.reference_ms:
                mine += t.time_ms
                ref += self.reference_ms[t.name]
        return round(mine / ref, 3) if ref > 0 else None


def machine_fingerprint() -> str:
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return f"{platform.node()}|{platform.machine()}|{cpu.strip()}|{sys.version}|{__version__}"


#: Bumped when what a cached calibration holds changes, so an older one is measured again.
CACHE_FORMAT = b"3"


def _key(challenge: Challenge, sandbox: ProcessSandbox) -> str:
    h = hashlib.sha256(CACHE_FORMAT)
    h.update(challenge.digest.encode())
    h.update(machine_fingerprint().encode())
    h.update(sandbox.isolation.level.encode())
    h.update(MEASUREMENT.encode())
    for path in challenge.accepted():
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


#: Every accepted solution is timed this many times, in rounds (each solution once per
#: round), so two timings of one solution are seconds apart.
ROUNDS = 2


def measure(challenge: Challenge, sandbox: ProcessSandbox, on_event: EventFn = ignore) -> Calibration:
    """Run every accepted solution ROUNDS times, with generous budgets, and derive the budgets.

    A budget rests on the slowest of the rounds: one timing is one draw, and a draw taken
    in one of this kind of machine's fast moments (a shared VM runs whole stretches 1.5x
    faster than others) would leave a learner, judged in a slow one, with far less than
    the multiplier. The times that place a run among the solutions (the reference's and
    every accepted solution's) are the mean of the rounds.
    """
    limits = challenge.config.limits
    tests = challenge.tests
    generous = {t.name: CALIBRATION_BUDGET_S for t in tests}
    rounds: dict[str, list[dict[str, float]]] = {}
    rejected: list[str] = []
    accepted = challenge.accepted()
    total = ROUNDS * len(accepted)
    for step in range(total):
        path = accepted[step % len(accepted)]
        if step >= len(accepted) and path.name not in rounds:
            continue  # it did not pass the first round
        on_event(Calibrating(challenge.id, path.name, step + 1, total))
        session = new_session(challenge, sandbox)
        try:
            report = judge_with_budgets(challenge, Source.from_path(path), generous, session)
        finally:
            session.close()
        if report.verdict is not Verdict.AC:  # at most once: a failed solution runs no more rounds
            rounds.pop(path.name, None)
            rejected.append(f"{path.name}: {report.verdict.value}")
            continue
        rounds.setdefault(path.name, []).append({t.name: t.time_ms for t in report.tests})
    slowest: dict[str, float] = {}
    for runs in rounds.values():
        for times in runs:
            for name, ms in times.items():
                slowest[name] = max(slowest.get(name, 0.0), ms)
    every = {name: {t: sum(r[t] for r in runs) / len(runs) for t in runs[0]} for name, runs in rounds.items()}
    reference = every.get(challenge.reference_path.name, {}) if challenge.reference_path in accepted else {}
    if limits.time_ms is not None:
        budgets = {t.name: limits.time_ms / 1000 for t in tests}
    elif not slowest:
        raise ChallengeError(
            challenge.solutions_path / "accepted",
            "no accepted solution passed, so no time budget can be "
            f"calibrated ({'; '.join(rejected) or 'there are none'}); fix them or set limits.time_ms",
        )
    else:
        floor = limits.time_floor_ms
        budgets = {t.name: max(floor, limits.time_multiplier * slowest[t.name]) / 1000 for t in tests}
    return Calibration(
        budgets_s=budgets,
        reference_ms=reference,
        slowest_ms=slowest,
        multiplier=None if limits.time_ms is not None else limits.time_multiplier,
        rejected=rejected,
        accepted_ms=every,
    )


def budgets_for(challenge: Challenge, sandbox: ProcessSandbox, on_event: EventFn = ignore) -> Calibration:
    """The cached calibration of a challenge on this machine, measuring it if needed."""
    key = f"calibration/{challenge.id}-{_key(challenge, sandbox)}.json"
    data = cache.load(key)
    names = {t.name for t in challenge.tests}
    if isinstance(data, dict) and set(data.get("budgets_s", {})) == names:
        return Calibration(**data)
    calibration = measure(challenge, sandbox, on_event)
    cache.store(key, calibration.__dict__)
    return calibration
