"""Shared helpers of the benchmark scripts: run the judge of this checkout as a user would."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: A private history for the judges a benchmark starts (they still write it, as a user's do).
HISTORY = tempfile.mkdtemp(prefix="judge-bench-home-")


def env(cache_dir: str) -> dict[str, str]:
    """This checkout's judge, a private cache and history, no inherited problem-set root."""
    e = dict(os.environ)
    e["PYTHONPATH"] = str(REPO) + os.pathsep + e.get("PYTHONPATH", "")
    e["JUDGE_CACHE_DIR"] = cache_dir
    e["JUDGE_HOME"] = HISTORY
    e.pop("JUDGE_ROOT", None)
    e.pop("JUDGE_NO_HISTORY", None)
    # As after a normal pip install, which compiles the bytecode: without it every
    # start-up pays for compiling the judge (some environments set this variable).
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    return e


def timed(
    argv: list[str],
    cache_dir: str,
    check: bool = False,
    cwd: Path | str = REPO,
    extra_env: dict[str, str] | None = None,
) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall time of one run of argv (sys.executable, never a PATH shim), and its result;
    ``extra_env`` is set on top of ``env(cache_dir)``."""
    environment = env(cache_dir) | (extra_env or {})
    t = time.perf_counter()
    proc = subprocess.run(argv, env=environment, cwd=cwd, capture_output=True, text=True, check=check)
    return time.perf_counter() - t, proc


def judge_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "judge", *args]


def spread(values: list[float]) -> str:
    """median (min–max) in ms."""
    med = statistics.median(values)
    return f"{med * 1000:.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


def private_cache() -> str:
    return tempfile.mkdtemp(prefix="judge-bench-cache-")


def load() -> str:
    """The load average now (1, 5, 15 minutes), for the record."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


# -- the bare loop: the least a program can do to run a challenge's tests ---------------

BARE = r"""
import json, sys, importlib.util
tests_path, ref_path, function, out_path = sys.argv[1:5]
spec = importlib.util.spec_from_file_location("reference", ref_path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
func = getattr(module, function)
def plain(value):  # numpy arrays and scalars, as the judge hands answers back
    return value.tolist() if hasattr(value, "tolist") else str(value)
answers = []
for t in json.load(open(tests_path)):
    try:
        answers.append(json.dumps(func(*t["args"], **t["kwargs"]), default=plain))
    except Exception as exc:
        answers.append(json.dumps({"raised": type(exc).__name__}))
with open(out_path, "w") as f:
    f.write("[" + ",".join(answers) + "]")
"""


class Bare:
    """One Python process that loads a challenge's tests from JSON, imports the reference and
    calls it on each test, writing each answer as JSON: a judge with nothing around it."""

    def __init__(self, challenge: Any, folder: str, solution: Path | None = None) -> None:
        self.challenge = challenge
        self.tests_path = os.path.join(folder, f"{challenge.id}-tests.json")
        self.out_path = os.path.join(folder, f"{challenge.id}-answers.json")
        rows = [{"args": t.args, "kwargs": t.kwargs} for t in challenge.tests]
        with open(self.tests_path, "w", encoding="utf-8") as f:
            json.dump(rows, f)
        path = solution or challenge.reference_path
        self.argv = [sys.executable, "-c", BARE, self.tests_path, str(path), challenge.config.function, self.out_path]

    def run(self, cache_dir: str) -> float:
        """The wall time of one run; its answers are checked afterwards, not timed."""
        wall, _ = timed(self.argv, cache_dir, check=True)
        passed = self.passed()
        assert passed == len(self.challenge.tests), f"{self.challenge.id}: the bare loop passed {passed} tests"
        return wall

    def passed(self) -> int:
        """How many of the bare loop's answers the challenge's checker accepts."""
        with open(self.out_path, encoding="utf-8") as f:
            answers = json.load(f)
        checker = self.challenge.checker
        passed = 0
        for test, got in zip(self.challenge.tests, answers, strict=True):
            if test.raises is not None:
                passed += isinstance(got, dict) and got.get("raised") == test.raises
            elif not (isinstance(got, dict) and set(got) == {"raised"}):
                passed += checker.check(test.expected, got, args=test.args, kwargs=test.kwargs).ok
        return passed
