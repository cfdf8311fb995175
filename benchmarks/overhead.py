"""Where the judge's time goes: judge wall time against a bare in-process loop.

For every challenge: the wall time of ``judge run <id> <reference> --json`` (a fresh
process, as a user runs it, with warm caches) against a bare Python process that loads
the same tests from a JSON file and calls the reference on each. Also the start-up of
``judge --help`` and ``judge list``, and the spread over repeated runs.

    python3 benchmarks/overhead.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import judge_argv, private_cache, spread, timed  # noqa: E402

BARE = r"""
import json, sys, importlib.util
tests_path, ref_path, function = sys.argv[1:4]
spec = importlib.util.spec_from_file_location("reference", ref_path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
func = getattr(module, function)
passed = 0
for t in json.load(open(tests_path)):
    try:
        got = func(*t["args"], **t["kwargs"])
    except Exception as exc:
        passed += type(exc).__name__ == t.get("raises")
        continue
    # As the judge sees it: through JSON, so tuples are lists (numpy is not used by references).
    passed += json.loads(json.dumps(got)) == t.get("expected")
print(passed)
"""


def dump_tests(challenge, folder: str) -> str:

    path = os.path.join(folder, f"{challenge.id}-tests.json")
    rows = []
    for t in challenge.tests:
        row = {"args": t.args, "kwargs": t.kwargs}
        row.update({"raises": t.raises} if t.raises else {"expected": t.expected})
        rows.append(row)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rows, f)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each command (default 7)")
    parser.add_argument("--startup", action="store_true", help="only the start-up table (python, --help, list)")
    args = parser.parse_args()
    cache = private_cache()
    os.environ["JUDGE_CACHE_DIR"] = cache
    from judge.problems.problemset import all_challenges

    print(f"python: {sys.executable} · cores: {os.cpu_count()} · runs: {args.runs} · load: {os.getloadavg()[0]:.2f}")
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
        "| challenge | tests | bare loop | judge run | judge / bare | per test | "
        "judge run --repeat 0 | judge / bare | per test |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for ch in all_challenges(None):
        tests_file = dump_tests(ch, cache)
        ref = str(ch.reference_path)
        bare_argv = [sys.executable, "-c", BARE, tests_file, ref, ch.config.function]
        judge_run = judge_argv("run", ch.id, ref, "--json")
        quick_run = judge_argv("run", ch.id, ref, "--json", "--repeat", "0")
        _, first = timed(judge_run, cache)  # calibrates (cached), not timed
        verdict = json.loads(first.stdout)["verdict"]
        bare, judged, quick = [], [], []
        for _ in range(args.runs):  # interleaved, so load changes hit all three alike
            wall, proc = timed(bare_argv, cache, check=True)
            bare.append(wall)
            assert int(proc.stdout) == len(ch.tests), f"{ch.id}: the bare loop disagrees with the tests"
            judged.append(timed(judge_run, cache)[0])
            quick.append(timed(quick_run, cache)[0])
        n = len(ch.tests)
        cells = []
        for walls in (judged, quick):
            ratio = statistics.median(walls) / statistics.median(bare)
            per_test = (statistics.median(walls) - statistics.median(bare)) / n * 1000
            cells.append(f"{spread(walls)} | {ratio:.2f}× | {per_test:.1f} ms")
        print(f"| {ch.id} ({verdict}) | {n} | {spread(bare)} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
