"""Watch mode's latency: from saving the file to the verdict on the samples.

Starts ``judge test <id> mine.py --watch --json`` once (as a learner would), then saves
the file again and again, alternating a wrong and a right solution, and times each save
until its JSON report arrives on stdout. The same is measured for a fresh
``judge test <id> mine.py --json`` process per save (no watch mode), for comparison.
The solution's own CPU time (the report's time_ms) is shown beside.

Goals (issue 17): in watch mode (a warm child) at most 100 ms from save to verdict; a
cold ``judge test`` at most 2× ``python -c pass`` (timed between them) plus the
solution's own time.

    python3 benchmarks/watch_latency.py [--saves 20] [--challenge can_shift]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from queue import Queue

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import env, judge_argv, load, private_cache, spread, timed  # noqa: E402

#: Issue 17: a warm child answers a save in at most this (median save to verdict).
WARM_GOAL_S = 0.1

SOLUTIONS = {
    "can_shift": (
        "def can_shift(a, b):\n    return False\n",
        "def can_shift(a, b):\n    return len(a) == len(b) and b in a + a\n",
    ),
}


def save(path: Path, text: str) -> float:
    """Write the file as an editor does (a new file renamed over the old one); the time it lands."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
    return time.perf_counter()


def watch_latencies(cid: str, saves: int, cache: str, home: str) -> tuple[list[float], list[float]]:
    wrong, right = SOLUTIONS[cid]
    folder = Path(tempfile.mkdtemp(prefix="judge-watch-"))
    mine = folder / "mine.py"
    mine.write_text(wrong)
    e = env(cache)
    e.update(JUDGE_HOME=home, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        judge_argv("test", cid, str(mine), "--watch", "--json"), env=e, stdout=subprocess.PIPE, text=True
    )
    reports: Queue[tuple[float, dict]] = Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            reports.put((time.perf_counter(), json.loads(line)))

    threading.Thread(target=read, daemon=True).start()
    latencies, own = [], []
    try:
        reports.get(timeout=120)  # the first judgment (calibration may run)
        for i in range(saves):
            time.sleep(0.3)  # a learner types between saves
            saved = save(mine, right if i % 2 == 0 else wrong)
            arrived, report = reports.get(timeout=60)
            latencies.append(arrived - saved)
            own.append(report["time_ms"] / 1000)
    finally:
        proc.terminate()
        proc.wait()
    return latencies, own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--challenge", default="can_shift", choices=sorted(SOLUTIONS))
    args = parser.parse_args()
    cache, home = private_cache(), tempfile.mkdtemp(prefix="judge-bench-home-")
    latencies, own = watch_latencies(args.challenge, args.saves, cache, home)
    folder = Path(tempfile.mkdtemp(prefix="judge-cold-"))
    mine = folder / "mine.py"
    mine.write_text(SOLUTIONS[args.challenge][1])
    cold, python, cold_own = [], [], []
    for _ in range(max(5, args.saves // 2)):  # interleaved with the interpreter alone
        python.append(timed([sys.executable, "-c", "pass"], cache, check=True)[0])
        wall, proc = timed(judge_argv("test", args.challenge, str(mine), "--json"), cache)
        cold.append(wall)
        cold_own.append(sum(t["time_ms"] for t in json.loads(proc.stdout)["tests"]) / 1000)
    warm = statistics.median(latencies)
    allowed = 2 * statistics.median(python) + statistics.median(cold_own)
    verdict = {True: "met", False: "NOT met"}
    print(f"{args.challenge}: {args.saves} saves, judge test on the samples · load: {load()}")
    print(f"  watch mode, save to verdict:       {spread(latencies)}  (p90 {percentile(latencies, 0.9)})")
    print(f"    saves of the right solution:     {spread(latencies[0::2])}")
    print(f"    saves of the wrong one:          {spread(latencies[1::2])}")
    print(f"  of which the solution's own CPU:   {statistics.median(own) * 1000:.2f} ms (median)")
    print(f"  a fresh 'judge test' per save:     {spread(cold)}")
    print(f"  python -c pass, between them:      {spread(python)}")
    print()
    print(f"warm (watch mode) ≤ {WARM_GOAL_S * 1000:.0f} ms: {warm * 1000:.0f} ms, {verdict[warm <= WARM_GOAL_S]}")
    print(
        f"cold judge test ≤ 2 × python -c pass + the solution's time ({allowed * 1000:.0f} ms): "
        f"{statistics.median(cold) * 1000:.0f} ms, {verdict[statistics.median(cold) <= allowed]}"
    )


def percentile(values: list[float], q: float) -> str:
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000:.0f} ms"


if __name__ == "__main__":
    main()
