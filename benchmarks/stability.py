"""Do repeated judgings agree? Judge one solution N times, quiet and with one core busy.

Prints, per condition, the worst per-test deviation from that test's median time over
the runs, how many tests stay within ±15%, and whether every run got the same verdicts.

    python3 benchmarks/stability.py [--challenge can_shift] [--solution PATH] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import REPO, judge_argv, private_cache, timed  # noqa: E402

GOAL = 0.15


def busy() -> None:
    while True:
        pass


def judge_runs(cid: str, solution: str, runs: int, cache: str, extra: list[str]) -> list[dict]:
    reports = []
    for _ in range(runs):
        _, proc = timed(judge_argv("run", cid, solution, "--json", *extra), cache)
        reports.append(json.loads(proc.stdout))
    return reports


def summarise(label: str, reports: list[dict]) -> None:
    names = [t["name"] for t in reports[0]["tests"]]
    verdicts_agree = all(
        [t["verdict"] for t in r["tests"]] == [t["verdict"] for t in reports[0]["tests"]] for r in reports
    )
    worst, within, rows = 0.0, 0, []
    for i, name in enumerate(names):
        times = [r["tests"][i]["time_ms"] for r in reports]
        med = statistics.median(times)
        dev = max(abs(t - med) / med for t in times) if med > 0 else 0.0
        worst = max(worst, dev)
        within += dev <= GOAL
        rows.append((dev, name, med, min(times), max(times)))
    ratios = [r["time_vs_reference"] for r in reports]
    print(f"### {label}")
    print(
        f"verdicts identical in all {len(reports)} runs: {'yes' if verdicts_agree else 'NO'}; "
        f"overall {sorted({r['verdict'] for r in reports})}"
    )
    devs = sorted(d for d, *_ in rows)
    print(
        f"tests within ±{GOAL:.0%} of their median: {within}/{len(names)}; worst deviation {worst:.1%}; "
        f"median deviation {statistics.median(devs):.1%}"
    )
    slow = [d for d, _, m, *_ in rows if m >= 1.0]
    if slow:
        print(f"tests of 1 ms or more: {sum(d <= GOAL for d in slow)}/{len(slow)} within ±{GOAL:.0%}")
    print(f"time_vs_reference over the runs: {', '.join(f'{x:.2f}' for x in ratios if x is not None)}")
    print(
        "least stable tests: "
        + "; ".join(
            f"{n} {m:.3f} ms ({lo:.3f}–{hi:.3f}, ±{d:.0%})" for d, n, m, lo, hi in sorted(rows, reverse=True)[:3]
        )
    )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--challenge", default="can_shift")
    parser.add_argument("--solution", default="solutions/can_shift/accepted/kmp.py")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=4, help="also judge with 'judge run --repeat N' (0: skip)")
    args = parser.parse_args()
    cache = private_cache()
    os.environ["JUDGE_CACHE_DIR"] = cache
    solution = str((REPO / args.solution).resolve())
    timed(judge_argv("run", args.challenge, solution, "--json"), cache)  # calibrate, untimed
    print(
        f"{args.challenge} · {args.solution} · {args.runs} runs · cores {os.cpu_count()} · "
        f"load {os.getloadavg()[0]:.2f}\n"
    )
    machine_noise(solution, args.challenge)
    modes = [("", [])] + ([(f", --repeat {args.repeat}", ["--repeat", str(args.repeat)])] if args.repeat else [])
    for suffix, extra in modes:
        summarise(f"quiet{suffix}", judge_runs(args.challenge, solution, args.runs, cache, extra))
        hog = multiprocessing.Process(target=busy, daemon=True)
        hog.start()
        try:
            label = f"one core kept busy by a spinning process{suffix}"
            summarise(label, judge_runs(args.challenge, solution, args.runs, cache, extra))
        finally:
            hog.terminate()
            hog.join()


def machine_noise(solution: str, cid: str) -> None:
    """The floor under any judge: the same call, in one process, timed again and again."""
    import importlib.util
    import time

    from judge.problems.problemset import find

    ch = find(cid)
    case = max((t for t in ch.tests if t.raises is None), key=lambda t: len(t.call_json))
    spec = importlib.util.spec_from_file_location("solution", solution)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    func = getattr(module, ch.config.function)
    times = []
    for _ in range(7):
        start = time.process_time()
        func(*json.loads(case.call_json)["args"], **case.kwargs)
        times.append((time.process_time() - start) * 1000)
    med = statistics.median(times)
    print("### the machine itself")
    print(
        f"the same call ({case.name}) 7 times in one bare process: median {med:.1f} ms CPU, "
        f"{min(times):.1f}–{max(times):.1f} (±{max(abs(t - med) for t in times) / med:.0%})"
    )
    print()


if __name__ == "__main__":
    main()
