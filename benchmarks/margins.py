"""Time margins of the built-in challenges, measured as ratios within one run.

For each challenge: every accepted solution is timed on every test (several rounds,
interleaved, the median kept), giving the slowest accepted time per test, the budget
the judge would calibrate from it, and which solution sets it on the large tests. Then
every time_limit_exceeded/ solution runs with a cap of ``--cap`` x the slowest accepted
time per test (never below the budget): the report says on which test it needs at least that many times the
slowest accepted solution (or the most it needed, when it finished under the cap). Last,
the reference's CPU time over the hidden tests, the cost of judging with it.

Ratios measured in the same run are what to trust on a busy machine; absolute times are not.

    python3 benchmarks/margins.py [ID ...] [--rounds 3] [--cap 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from judge.judging.calibration import CALIBRATION_BUDGET_S  # noqa: E402
from judge.judging.run import judge_with_budgets, new_session  # noqa: E402
from judge.model.source import Source  # noqa: E402
from judge.model.verdict import Verdict  # noqa: E402
from judge.problems.challenge import Challenge  # noqa: E402
from judge.problems.problemset import ProblemSet, builtin_root  # noqa: E402
from judge.runner.sandbox import ProcessSandbox, best_sandbox  # noqa: E402


def timings(
    challenge: Challenge, path: Path, budgets: dict[str, float], sandbox: ProcessSandbox, fail_fast: bool = False
) -> tuple[Verdict, dict[str, tuple[Verdict, float]]]:
    """The overall verdict and, per test run, (verdict, CPU ms)."""
    session = new_session(challenge, sandbox)
    try:
        report = judge_with_budgets(challenge, Source.from_path(path), budgets, session, fail_fast=fail_fast)
    finally:
        session.close()
    return report.verdict, {t.name: (t.verdict, t.time_ms) for t in report.tests if t.verdict is not Verdict.SKIPPED}


def margins(challenge: Challenge, sandbox: ProcessSandbox, rounds: int, cap: float) -> None:
    tests = challenge.tests
    limits = challenge.config.limits
    generous = {t.name: CALIBRATION_BUDGET_S for t in tests}
    accepted = challenge.accepted()
    samples: dict[Path, dict[str, list[float]]] = {p: {} for p in accepted}
    started = time.perf_counter()
    for _ in range(rounds):
        for path in accepted:  # interleaved, so every solution sees the same load
            verdict, got = timings(challenge, path, generous, sandbox)
            if verdict is not Verdict.AC:
                print(f"  ! accepted/{path.name} got {verdict.value}")
            for name, (_, ms) in got.items():
                samples[path].setdefault(name, []).append(ms)
    median = {p: {n: statistics.median(v) for n, v in per.items()} for p, per in samples.items()}
    slowest = {t.name: max(median[p].get(t.name, 0.0) for p in accepted) for t in tests}
    print(f"{challenge.id}: {len(tests)} tests, {len(accepted)} accepted, {rounds} round(s)")
    ref = challenge.reference_path
    hidden_ref_ms = sum(median[ref].get(t.name, 0.0) for t in tests if t.hidden)
    print(f"  reference ({ref.name}) CPU over the hidden tests: {hidden_ref_ms / 1000:.2f} s")
    for path in accepted:
        total = sum(median[path].values())
        print(f"  accepted/{path.name}: {total / 1000:.2f} s CPU over all tests")
    big = sorted(tests, key=lambda t: slowest[t.name], reverse=True)[:5]
    for t in big:
        who = max(accepted, key=lambda p: median[p].get(t.name, 0.0))
        others = ", ".join(f"{p.stem} {median[p].get(t.name, 0.0):.1f}" for p in accepted if p != who)
        print(f"  slowest on {t.name!r}: {who.stem} {slowest[t.name]:.1f} ms ({others})")
    for path, want in challenge.solutions():
        if want is not Verdict.TLE:
            continue
        # The cap: cap x the slowest accepted, and never below the budget the judge would set.
        budget_ms = {n: max(limits.time_floor_ms, limits.time_multiplier * ms) for n, ms in slowest.items()}
        cap_ms = {n: max(cap * ms, budget_ms[n]) for n, ms in slowest.items()}
        verdict, got = timings(challenge, path, {n: ms / 1000 for n, ms in cap_ms.items()}, sandbox)
        killed = [n for n, (v, _) in got.items() if v is Verdict.TLE]
        ran = {n: ms / max(slowest[n], 1e-6) for n, (v, ms) in got.items() if v is not Verdict.TLE}
        line = f"  time_limit_exceeded/{path.name}: {verdict.value}"
        if killed:
            # The killed test with the largest budget is the one that proves the most.
            name = max(killed, key=lambda n: cap_ms[n] / budget_ms[n])
            line += (
                f"; killed on {len(killed)} test(s) at max({cap:g}x the slowest accepted, the budget); on {name!r} it "
                f"needs >= {cap_ms[name] / slowest[name]:.0f}x the slowest accepted, >= "
                f"{cap_ms[name] / budget_ms[name]:.1f}x its budget of {budget_ms[name]:.0f} ms"
            )
        else:
            line += f": UNDER the {cap:g}x target"
        if ran:
            worst = max(ran, key=ran.__getitem__)
            line += f"; finished tests: at most {ran[worst]:.1f}x the slowest accepted (on {worst!r})"
        print(line)
    print(f"  ({time.perf_counter() - started:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="challenge ids (default: all built-in)")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds of the accepted solutions")
    parser.add_argument("--cap", type=float, default=10.0, help="the TLE target, x the slowest accepted")
    args = parser.parse_args()
    pset = ProblemSet(builtin_root(), "built-in")
    sandbox = best_sandbox()
    for cid in args.ids or pset.ids():
        margins(pset.challenge(cid), sandbox, args.rounds, args.cap)


if __name__ == "__main__":
    main()
