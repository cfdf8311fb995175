"""The judge's fixed cost and its cost per test, against a bare loop on the same tests.

Builds a temporary problem set (never shipped) with two challenges whose solution
returns its argument: ``noop``, with the fewest tests a challenge may have (one sample
and one hidden test), and ``many``, with 1,000 trivial tests. For each, the wall time of
``judge run ID reference.py --repeat 0 --json`` (a fresh process, warm caches) against
the bare loop (one Python process that loads the tests from JSON and calls the function
on each, ``benchmarks/_common.py``), interleaved run by run.

    fixed    = judge − bare on noop, less its two tests' share
    per test = ((judge − bare on many) − (judge − bare on noop)) / 998

Goals (issue 17): fixed ≤ 150 ms, per test ≤ 0.5 ms. Then the fixed part broken down:
each step timed alone in a fresh process (interpreter, imports, the sandbox probe, the
child's start, loading tests and budgets), and where the steps end in a real run, where
they overlap (the probe and the child boot while the judge imports and loads).

    python3 benchmarks/fixed_cost.py [--runs 11]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import Bare, env, judge_argv, load, private_cache, timed  # noqa: E402

FIXED_GOAL_MS, PER_TEST_GOAL_MS = 150.0, 0.5


def problem_set(folder: Path) -> None:
    """``noop`` (one sample, one hidden test) and ``many`` (one sample, 999 hidden tests)."""
    for cid, hidden in (("noop", 1), ("many", 999)):
        ch = folder / "challenges" / cid
        (ch / "tests").mkdir(parents=True)
        (ch / "challenge.toml").write_text(
            f'title = "{cid}"\nfunction = "{cid}"\nsignature = "{cid}(x: int) -> int"\ndifficulty = "easy"\n'
        )
        (ch / "statement.md").write_text(f"# {cid}\n\nReturn `x`.\n")
        (ch / "stub.py").write_text(f"def {cid}(x: int) -> int:\n    raise NotImplementedError\n")
        (ch / "tests" / "sample.json").write_text(json.dumps([{"name": "sample-1", "args": [0], "expected": 0}]))
        tests = [{"name": f"t{i}", "args": [i], "expected": i} for i in range(1, hidden + 1)]
        (ch / "tests" / "hidden.json").write_text(json.dumps(tests))
        accepted = folder / "solutions" / cid / "accepted"
        accepted.mkdir(parents=True)
        (accepted / "reference.py").write_text(f"def {cid}(x):\n    return x\n")


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


# Each step alone, in a fresh process after the imports a judge run makes; prints ms.
STEP = r"""
import json, sys, time
from pathlib import Path
root, cid, step = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
from judge.problems.problemset import find, problem_sets
from judge.runner import sandbox
from judge.judging.calibration import budgets_for
from judge.judging.run import load_solution, new_session
from judge.model.source import Source
problem_sets(root)
ch = find(cid, root)
t = time.perf_counter()
if step == "probe":
    sandbox.probe()
elif step == "load":
    box = sandbox.best_sandbox()  # probed first: the calibration's key names the level
    t = time.perf_counter()
    ch.tests
    budgets_for(ch, box)
elif step == "child":
    box = sandbox.best_sandbox()
    budgets = {x.name: 1.0 for x in ch.tests}
    ch.tests
    source = Source.from_path(ch.reference_path)
    t = time.perf_counter()
    session = new_session(ch, box)
    session.spawn()
    assert load_solution(session, source, source.data.decode(), budgets) is None
    elapsed = time.perf_counter() - t
    session.close()
    print(elapsed * 1000)
    raise SystemExit
print((time.perf_counter() - t) * 1000)
"""

# A real judge run, with the time each step ends at (ms after the interpreter started).
TIMELINE = r"""
import json, os, sys, threading, time
marks = {}
def mark(name):
    marks.setdefault(name, (time.perf_counter() - T0) * 1000)
T0 = time.perf_counter()
import atexit
atexit.register(lambda: open(os.environ["TIMELINE_OUT"], "w").write(json.dumps(marks)))
import judge.cli
from judge.runner import sandbox, session as sess, spares
from judge.judging import engine, run as jrun
from judge.practice import history
from judge.problems import testdata
mark("imports before the probe can start")
def around(obj, name, start=None, end=None):
    real = getattr(obj, name)
    def wrapped(*a, **k):
        if start: mark(start)
        try:
            return real(*a, **k)
        finally:
            if end: mark(end)
    setattr(obj, name, wrapped)
around(sandbox, "_choose", "probe starts", "probe done")
around(spares, "start_early", "child starts")
around(testdata, "load_tests", end="tests loaded")
real_load = sess.Session.load
def load(self, *a, **k):
    try:
        return real_load(self, *a, **k)
    finally:
        if self.site:  # not the probe's own session
            mark("child ready, solution loaded")
sess.Session.load = load
around(jrun, "judge_with_budgets", end="tests run")
around(history, "record", "report shown", "history written")
sys.argv[0] = "judge"
judge.cli.main()
"""


def timeline(root: Path, cid: str, cache: str) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    e = env(cache)
    e["TIMELINE_OUT"] = path
    ref = str(root / "solutions" / cid / "accepted" / "reference.py")
    argv = [sys.executable, "-c", TIMELINE, "--root", str(root), "run", cid, ref, "--repeat", "0", "--json"]
    subprocess.run(argv, env=e, capture_output=True, check=True)
    marks: dict[str, float] = json.loads(Path(path).read_text())
    os.unlink(path)
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="timed runs of each command (default 11)")
    args = parser.parse_args()
    cache = private_cache()
    root = Path(tempfile.mkdtemp(prefix="judge-bench-set-"))
    problem_set(root)
    os.environ["JUDGE_CACHE_DIR"] = cache
    from judge.problems.problemset import find

    print(f"python: {sys.executable} · cores: {os.cpu_count()} · runs: {args.runs} · load: {load()}")
    walls: dict[str, dict[str, list[float]]] = {}
    counts = {}
    for cid in ("noop", "many"):
        ch = find(cid, root)
        counts[cid] = len(ch.tests)
        bare = Bare(ch, cache)
        ref = str(ch.reference_path)
        argv = judge_argv("--root", str(root), "run", cid, ref, "--repeat", "0", "--json")
        timed(argv, cache, check=True)  # calibrates (cached), not timed
        walls[cid] = {"bare": [], "judge": []}
        for _ in range(args.runs):  # interleaved, so load changes hit both alike
            walls[cid]["bare"].append(bare.run(cache))
            wall, proc = timed(argv, cache, check=True)
            assert json.loads(proc.stdout)["verdict"] == "AC"
            walls[cid]["judge"].append(wall)
    over = {cid: median_ms(w["judge"]) - median_ms(w["bare"]) for cid, w in walls.items()}
    per_test = (over["many"] - over["noop"]) / (counts["many"] - counts["noop"])
    fixed = over["noop"] - counts["noop"] * per_test
    print()
    print("| challenge | tests | bare loop | judge run --repeat 0 | judge − bare |")
    print("|---|---|---|---|---|")
    for cid, w in walls.items():
        print(
            f"| {cid} | {counts[cid]} | {median_ms(w['bare']):.0f} ms | {median_ms(w['judge']):.0f} ms | "
            f"{over[cid]:.0f} ms |"
        )
    print()
    verdict = {True: "met", False: "NOT met"}
    print(f"fixed cost: {fixed:.0f} ms (goal ≤ {FIXED_GOAL_MS:.0f} ms: {verdict[fixed <= FIXED_GOAL_MS]})")
    print(f"per test: {per_test:.3f} ms (goal ≤ {PER_TEST_GOAL_MS} ms: {verdict[per_test <= PER_TEST_GOAL_MS]})")

    # -- the breakdown ---------------------------------------------------------------
    runs = max(3, args.runs // 2)
    python = [sys.executable, "-c", "pass"]
    interpreter = median_ms([timed(python, cache)[0] for _ in range(runs)])
    modules = imported_modules(root, cache)
    import_all = [sys.executable, "-c", "import " + ", ".join(modules)]
    imports = median_ms([timed(import_all, cache, check=True)[0] for _ in range(runs)]) - interpreter
    steps = {}
    for step in ("probe", "child", "load"):
        argv = [sys.executable, "-c", STEP, str(root), "noop", step]
        steps[step] = statistics.median(float(timed(argv, cache, check=True)[1].stdout) for _ in range(runs))
    print()
    print(f"### the fixed part, step by step (each alone, median of {runs})")
    print()
    rows = [
        ("interpreter (`python -c pass`)", interpreter, "the bare loop pays it too"),
        (f"imports ({len(modules)} modules a run loads)", imports, ""),
        ("sandbox probe (two sandboxes, one runs the harness)", steps["probe"], "overlaps loading"),
        ("child start (spawn, boot, contain, load the solution)", steps["child"], "boots during the probe"),
        ("load of tests and budgets (cached)", steps["load"], ""),
    ]
    print("| step | ms | |")
    print("|---|---|---|")
    for label, ms, note in rows:
        print(f"| {label} | {ms:.1f} | {note} |")
    marks = [timeline(root, "noop", cache) for _ in range(runs)]
    print()
    print(f"### where the steps end in a real run of noop (ms after the interpreter is up, median of {runs})")
    print()
    names = list(marks[0])
    for name in sorted(names, key=lambda n: statistics.median(m[n] for m in marks if n in m)):
        print(f"- {statistics.median(m[name] for m in marks if name in m):.0f} ms: {name}")


def imported_modules(root: Path, cache: str) -> list[str]:
    """The top-level modules a judge run loads beyond what `python -c pass` loads."""
    code = (
        "import sys, runpy, json, os\n"
        "base = set(sys.modules)\n"
        "sys.argv = ['judge'] + sys.argv[1:]\n"
        "import atexit\n"
        "new = lambda: json.dumps(sorted(set(sys.modules) - base))\n"
        "atexit.register(lambda: open(os.environ['MODULES_OUT'], 'w').write(new()))\n"
        "import judge.cli\n"
        "judge.cli.main()\n"
    )
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        path = out.name
    e = env(cache)
    e["MODULES_OUT"] = path
    ref = str(root / "solutions" / "noop" / "accepted" / "reference.py")
    argv = [sys.executable, "-c", code, "--root", str(root), "run", "noop", ref, "--repeat", "0", "--json"]
    subprocess.run(argv, env=e, capture_output=True, check=True)
    names: list[str] = json.loads(Path(path).read_text())
    os.unlink(path)
    # The leaves are enough: importing them imports their packages.
    return sorted({n for n in names if not n.startswith("_") and "._" not in n and "__main__" not in n})


if __name__ == "__main__":
    main()
