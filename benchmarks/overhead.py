"""Where the judge's time goes: judge wall time against a bare in-process loop.

For every challenge: the wall time of ``judge run <id> <reference> --json`` (a fresh
process, as a user runs it, with warm caches), with and without ``--repeat 0``, against
a bare Python process that loads the same tests from a JSON file and calls the
reference on each (``benchmarks/_common.py``), interleaved run by run. Also the
spread of ``time_vs_reference`` over the default runs (max / min), and the start-up
of ``judge --help`` and ``judge list``.

Goals (issue 17): ``judge run`` ≤ 2× the bare loop; ``judge run --repeat 0`` − the bare
loop ≤ 150 ms + 0.5 ms per test; ``time_vs_reference`` spread ≤ 1.3× over 3 runs.

    python3 benchmarks/overhead.py [--runs 7] [--only can_shift,roc_auc] [--startup]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import Bare, judge_argv, load, private_cache, spread, timed  # noqa: E402

RATIO_GOAL, FIXED_GOAL_MS, PER_TEST_GOAL_MS, SPREAD_GOAL = 2.0, 150.0, 0.5, 1.3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each command (default 7)")
    parser.add_argument("--only", default="", help="comma-separated challenge ids (default: all)")
    parser.add_argument("--startup", action="store_true", help="only the start-up table (python, --help, list)")
    args = parser.parse_args()
    cache = private_cache()
    os.environ["JUDGE_CACHE_DIR"] = cache
    from judge.problems.problemset import all_challenges

    print(f"python: {sys.executable} · cores: {os.cpu_count()} · runs: {args.runs} · load: {load()}")
    print()
    starts = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "judge --help": judge_argv("--help"),
        "judge list": judge_argv("list"),
    }
    timed(judge_argv("list"), cache)  # warm the generated-test cache
    print("| start-up | wall, median (min–max) |")
    print("|---|---|")
    for label, argv in starts.items():
        walls = [timed(argv, cache, check=True)[0] for _ in range(args.runs)]
        print(f"| `{label}` | {spread(walls)} |")
    if args.startup:
        return
    print()
    print(
        "| challenge | tests | bare loop | judge run | ÷ bare | time_vs_reference (spread) | "
        "judge run --repeat 0 | − bare | allowed |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    only = {c for c in args.only.split(",") if c}
    met = {"default": [], "fixed": [], "spread": []}
    for ch in all_challenges(None):
        if only and ch.id not in only:
            continue
        bare = Bare(ch, cache)
        ref = str(ch.reference_path)
        judge_run = judge_argv("run", ch.id, ref, "--json")
        quick_run = judge_argv("run", ch.id, ref, "--json", "--repeat", "0")
        _, first = timed(judge_run, cache)  # calibrates (cached), not timed
        verdict = json.loads(first.stdout)["verdict"]
        bares, judged, quick, ratios = [], [], [], []
        for _ in range(args.runs):  # interleaved, so load changes hit all three alike
            bares.append(bare.run(cache))
            wall, proc = timed(judge_run, cache)
            judged.append(wall)
            ratios.append(json.loads(proc.stdout)["time_vs_reference"])
            quick.append(timed(quick_run, cache)[0])
        n = len(ch.tests)
        ratio = statistics.median(judged) / statistics.median(bares)
        over_ms = (statistics.median(quick) - statistics.median(bares)) * 1000
        allowed_ms = FIXED_GOAL_MS + PER_TEST_GOAL_MS * n
        known = [r for r in ratios if r]
        worst = max(known) / min(known) if known else float("nan")
        met["default"].append(ratio <= RATIO_GOAL)
        met["fixed"].append(over_ms <= allowed_ms)
        met["spread"].append(worst <= SPREAD_GOAL)
        print(
            f"| {ch.id} ({verdict}) | {n} | {spread(bares)} | {spread(judged)} | {ratio:.2f}× | "
            f"{statistics.median(known) if known else float('nan'):.2f} ({worst:.2f}×) | {spread(quick)} | "
            f"{over_ms:.0f} ms | {allowed_ms:.0f} ms |"
        )
    print()
    total = len(met["default"])
    print(f"judge run ≤ {RATIO_GOAL:g}× the bare loop: {sum(met['default'])}/{total} challenges")
    print(f"judge run --repeat 0 − bare ≤ 150 ms + 0.5 ms/test: {sum(met['fixed'])}/{total} challenges")
    print(f"time_vs_reference spread ≤ {SPREAD_GOAL}× over {args.runs} runs: {sum(met['spread'])}/{total} challenges")


if __name__ == "__main__":
    main()
