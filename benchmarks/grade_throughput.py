"""Throughput of ``judge grade``'s local pool: one worker against N on the same folder.

    PYTHONPATH=. python3 benchmarks/grade_throughput.py [--submissions 20] [--jobs 2]

Builds a class of can_shift submissions (accepted and wrong ones, which take
about a second each), calibrates once, then grades the folder into a fresh
gradebook with 1 worker and with N, and prints submissions per second for each
and the speed-up. The goal on 2 idle cores is at least 1.7x; other work on the
machine lowers it.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from judge.grading.backends import LocalPool
from judge.grading.gradebook import Gradebook, Scorer, grade
from judge.grading.submissions import collect
from judge.judging.calibration import budgets_for
from judge.problems.problemset import ProblemSet, builtin_root
from judge.runner.sandbox import best_sandbox

SOLUTIONS = Path(__file__).resolve().parent.parent / "solutions" / "can_shift"
SOURCES = ["accepted/reference.py", "accepted/kmp.py", "accepted/z_function.py", "wrong_answer/same_letters.py"]


def run(jobs: int, folder: Path, out: Path) -> float:
    challenge = ProblemSet(builtin_root(), "built-in").challenge("can_shift")
    calibration = budgets_for(challenge, best_sandbox())
    subs = collect(folder)
    book = Gradebook(out, challenge.id)
    pool = LocalPool(challenge, calibration.budgets_s, jobs)
    start = time.perf_counter()
    summary = grade(subs, Scorer(challenge.id, challenge.digest), pool, book)
    elapsed = time.perf_counter() - start
    assert summary.judged == len(subs), summary
    return len(subs) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "class"
        folder.mkdir()
        for i in range(args.submissions):
            text = (SOLUTIONS / SOURCES[i % len(SOURCES)]).read_text()
            (folder / f"student{i:03d}.py").write_text(text + f"# student {i}\n")
        for r in range(args.repeat):
            one = run(1, folder, Path(tmp) / f"one-{r}.jsonl")
            many = run(args.jobs, folder, Path(tmp) / f"many-{r}.jsonl")
            print(
                f"{args.submissions} submissions, {os.cpu_count()} cores: 1 worker {one:.2f}/s, "
                f"{args.jobs} workers {many:.2f}/s, speed-up {many / one:.2f}x"
            )


if __name__ == "__main__":
    main()
