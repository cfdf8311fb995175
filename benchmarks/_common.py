"""Shared helpers of the benchmark scripts: run the judge of this checkout as a user would."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def env(cache_dir: str) -> dict[str, str]:
    """This checkout's judge, a private cache, no inherited problem-set root."""
    e = dict(os.environ)
    e["PYTHONPATH"] = str(REPO) + os.pathsep + e.get("PYTHONPATH", "")
    e["JUDGE_CACHE_DIR"] = cache_dir
    e.pop("JUDGE_ROOT", None)
    # As after a normal pip install, which compiles the bytecode: without it every
    # start-up pays for compiling the judge (some environments set this variable).
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    return e


def timed(argv: list[str], cache_dir: str, check: bool = False) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall time of one run of argv (sys.executable, never a PATH shim), and its result."""
    t = time.perf_counter()
    proc = subprocess.run(argv, env=env(cache_dir), cwd=REPO, capture_output=True, text=True, check=check)
    return time.perf_counter() - t, proc


def judge_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "judge", *args]


def spread(values: list[float]) -> str:
    """median (min–max) in ms."""
    med = statistics.median(values)
    return f"{med * 1000:.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


def private_cache() -> str:
    return tempfile.mkdtemp(prefix="judge-bench-cache-")
