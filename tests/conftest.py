from __future__ import annotations

import contextlib
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from judge.problems.problemset import builtin_root

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _judge_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One calibration cache and one history for the whole session, never the user's own."""
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_CACHE_DIR", str(tmp_path_factory.mktemp("judge-cache")))
    mp.setenv("JUDGE_HOME", str(tmp_path_factory.mktemp("judge-home")))
    mp.delenv("JUDGE_NO_HISTORY", raising=False)
    mp.delenv("JUDGE_ROOT", raising=False)
    yield
    mp.undo()


@pytest.fixture(scope="session")
def builtin() -> Path:
    return builtin_root()


class Served:
    """A ``judge serve`` process: its base URL and token."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url
        self.base, _, self.token = url.partition("/?token=")

    def stop(self) -> int:
        """Ctrl-C, as a user stops it; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@contextlib.contextmanager
def judge_serve(*args: str, startup_s: float = 60.0) -> Iterator[Served]:
    """Run ``judge serve --no-browser --port 0 ARGS`` until the block ends."""
    command = [sys.executable, "-m", "judge", "serve", "--no-browser", "--port", "0", *args]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=REPO)
    lines: list[str] = []
    found: list[str] = []

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            match = re.search(r"(http://\S+/\?token=\S+)", line)
            if match and not found:
                found.append(match.group(1))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + startup_s
    while not found and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    served = Served(process, found[0]) if found else None
    try:
        if served is None:
            process.kill()
            raise AssertionError(f"judge serve did not print its address: {''.join(lines)!r}")
        yield served
    finally:
        if served is not None:
            served.stop()
        elif process.poll() is None:
            process.kill()
        process.wait()
        reader.join(5)
        assert process.stderr is not None
        process.stderr.close()
