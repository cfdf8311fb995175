"""How fast the practice page answers Run: wall time of POST /api/judge on the samples.

Starts ``judge serve`` (this checkout, a private cache, a private history), judges
each challenge's reference once to calibrate, then times ``--runs`` Runs of it on the
sample tests through the JSON API, as the page's Run button does, ``--pause`` seconds
apart (a learner edits between Runs; the server uses the pause to boot the next warm
child). The overhead is the wall time minus the solution's own CPU time on the samples
(the report's ``time_ms``): what the judge, the sandbox, the history and HTTP add. The
goal (issue 17) is at most 100 ms of overhead (the median over a challenge's Runs), on
every challenge; the script says how many meet it.

    python3 benchmarks/web_latency.py [--runs 20] [--pause 0.5] [--challenge can_shift ...] [--cold]

``--cold`` adds what the warm child saves: the same Runs judged in this process (no
HTTP), loading each into the spare child the server keeps, then into a child started
for it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import REPO, env, judge_argv, private_cache  # noqa: E402


def start(cache: str) -> tuple[subprocess.Popen[str], int, str]:
    """A judge serve process, its port and token."""
    argv = judge_argv("serve", "--no-browser", "--port", "0")
    environment = {**env(cache), "JUDGE_HOME": tempfile.mkdtemp(prefix="judge-bench-home-")}
    proc = subprocess.Popen(argv, env=environment, cwd=REPO, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=(\S+)", line)
        if match:
            return proc, int(match.group(1)), match.group(2)
    raise SystemExit(f"judge serve did not start (exit {proc.wait()})")


def run_once(conn: http.client.HTTPConnection, token: str, challenge: str, source: str) -> tuple[float, dict]:
    body = json.dumps({"challenge": challenge, "source": source, "mode": "test"})
    headers = {"Authorization": f"token {token}", "Content-Type": "application/json"}
    t = time.perf_counter()
    conn.request("POST", "/api/judge", body, headers)
    report = json.loads(conn.getresponse().read())
    return time.perf_counter() - t, report


#: Issue 17: with a warm child, a Run costs at most this above the solution's own time.
WARM_GOAL_MS = 100.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between two Runs (0: back to back)")
    parser.add_argument("--challenge", action="append", help="only these challenges (default: all)")
    parser.add_argument("--cold", action="store_true", help="also compare the warm child with a cold one")
    args = parser.parse_args()
    challenges = args.challenge or sorted(p.name for p in (REPO / "challenges").iterdir() if p.is_dir())
    cache = private_cache()
    proc, port, token = start(cache)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        print(f"Run on the samples through the API, {args.runs} runs each, {args.pause:g} s apart")
        print("(ms; median, p90, range)")
        print(f"{'challenge':<20} {'wall':>8} {'solution':>9} {'overhead':>9} {'p90':>7} {'range':>13}")
        met = 0
        for cid in challenges:
            source = (REPO / "solutions" / cid / "accepted" / "reference.py").read_text()
            _, report = run_once(conn, token, cid, source)  # calibrates the budgets (first time only)
            assert report.get("verdict") == "AC", report
            walls, owns = [], []
            for _ in range(args.runs):
                time.sleep(args.pause)
                wall, report = run_once(conn, token, cid, source)
                walls.append(wall * 1000)
                owns.append(report["time_ms"])
            overhead = sorted(w - o for w, o in zip(walls, owns, strict=True))
            p90 = overhead[int(0.9 * (len(overhead) - 1))]
            print(
                f"{cid:<20} {statistics.median(walls):8.1f} {statistics.median(owns):9.2f} "
                f"{statistics.median(overhead):9.1f} {p90:7.1f} {overhead[0]:6.1f}–{overhead[-1]:<6.1f}"
            )
            met += statistics.median(overhead) <= WARM_GOAL_MS
        print(f"\noverhead ≤ {WARM_GOAL_MS:g} ms (median): {met}/{len(challenges)} challenges")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    if args.cold:
        warm_and_cold(challenges, args.runs, args.pause, cache)


def warm_and_cold(challenges: list[str], runs: int, pause: float, cache: str) -> None:
    """Run judged in this process: into the spare child (as the server does), and into a new one."""
    os.environ.update(env(cache))
    os.environ["JUDGE_NO_HISTORY"] = "1"
    from judge.model.events import ignore
    from judge.model.source import Source
    from judge.runner.sandbox import best_sandbox
    from judge.runner.spares import Spares
    from judge.web.challenges import Loaded
    from judge.web.jobs import Submission, run_submission

    sandbox = best_sandbox()
    loaded = Loaded(None)
    print(f"\nThe same Runs in-process, no HTTP, {runs} each, {pause:g} s apart (ms of wall time, median):")
    print(f"{'challenge':<20} {'warm child':>11} {'cold child':>11} {'saved':>7}")
    with Spares(sandbox) as spares:
        spares.fill()
        for cid in challenges:
            data = (REPO / "solutions" / cid / "accepted" / "reference.py").read_bytes()
            submission = Submission(loaded.get(cid), Source("editor.py", data), "test")
            medians = []
            for spare in (spares, None):
                walls = []
                for _ in range(runs):
                    time.sleep(pause)
                    t = time.perf_counter()
                    run_submission(submission, sandbox, spare, ignore)
                    walls.append((time.perf_counter() - t) * 1000)
                medians.append(statistics.median(walls))
            print(f"{cid:<20} {medians[0]:11.1f} {medians[1]:11.1f} {medians[1] - medians[0]:7.1f}")


if __name__ == "__main__":
    main()
