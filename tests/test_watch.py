"""Watch mode (a real process, edited files, Ctrl-C) and the spare children behind its speed."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from judge.judging.engine import Options, judge
from judge.model.source import Source
from judge.problems.problemset import find
from judge.runner.sandbox import best_sandbox
from judge.runner.spares import Spares

REPO = Path(__file__).resolve().parent.parent
WRONG = "def can_shift(a, b):\n    return False\n"
RIGHT = "def can_shift(a, b):\n    return len(a) == len(b) and b in a + a\n"


class Watcher:
    """``judge ... --watch`` in its own process, its stdout read line by line as it comes."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "judge", *args, "--watch"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def wait_for(self, needle: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            if needle in line:
                return line
        raise AssertionError(f"no {needle!r} within {timeout} s; saw: {''.join(seen)[-2000:]}")

    def interrupt(self) -> tuple[int, str]:
        self.proc.send_signal(signal.SIGINT)
        _, err = self.proc.communicate(timeout=30)
        return self.proc.returncode, err

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_watch_judges_again_on_save_and_leaves_with_130_on_ctrl_c(tmp_path: Path) -> None:
    mine = tmp_path / "mine.py"
    mine.write_text(WRONG)
    watcher = Watcher("test", "can_shift", str(mine))
    try:
        watcher.wait_for("1/3 passed")
        time.sleep(0.3)
        mine.write_text(RIGHT)  # saved in place
        watcher.wait_for("3/3 passed")
        # An editor's save: write a new file and rename it over the old one.
        (tmp_path / ".mine.py.tmp").write_text(WRONG)
        os.replace(tmp_path / ".mine.py.tmp", mine)
        watcher.wait_for("1/3 passed")
        code, err = watcher.interrupt()
    finally:
        watcher.kill()
    assert code == 130
    # Ctrl-C adds one line (before it: calibration notices and "watching ..." lines).
    assert err.splitlines()[-1] == "judge: stopped watching" and "Traceback" not in err


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_run_watch_prints_a_json_report_per_save(tmp_path: Path) -> None:
    mine = tmp_path / "mine.py"
    mine.write_text(WRONG)
    watcher = Watcher("run", "can_shift", str(mine), "--json", "--fail-fast", "--no-search")
    try:
        first = json.loads(watcher.wait_for('"schema"'))
        time.sleep(0.3)
        mine.write_text(RIGHT)
        second = json.loads(watcher.wait_for('"schema"'))
        code, _ = watcher.interrupt()
    finally:
        watcher.kill()
    assert (first["verdict"], second["verdict"], code) == ("WA", "AC", 130)


def test_spares_hand_out_a_started_child_and_start_the_next() -> None:
    sandbox = best_sandbox()
    with Spares(sandbox) as spares:
        spares.fill()
        waiting = spares._spare
        assert waiting is not None and waiting.running()
        taken = spares.take()
        assert taken is waiting and spares._spare is not None and spares._spare is not taken
        taken.close()
        last = spares._spare
    assert not last.running()  # closing the spares ends the one in reserve


def test_a_spare_is_reused_only_for_the_modules_it_preloaded() -> None:
    sandbox = best_sandbox()
    with Spares(sandbox) as spares:
        spares.fill()
        plain = spares._spare
        with_numpy = spares.take(("numpy",))
        # The spare preloaded nothing: a challenge that allows numpy gets a child that imports it...
        assert with_numpy is not plain and with_numpy.preload == ("numpy",) and not plain.running()
        # ...and the next spare preloads what the last challenge asked for.
        assert spares._spare is not None and spares._spare.preload == ("numpy",)
        again = spares.take(("numpy",))
        assert again.preload == ("numpy",)
        with_numpy.close()
        again.close()


def test_the_engine_loads_the_solution_into_the_spare_child() -> None:
    challenge = find("can_shift")
    sandbox = best_sandbox()
    source = Source.from_path(REPO / "solutions" / "can_shift" / "accepted" / "reference.py")
    with Spares(sandbox) as spares:
        spares.fill()
        reserved = spares._spare
        options = Options(sandbox=sandbox, spares=spares, tests="samples", repeat=False)
        report = judge(challenge, source, options)
        assert report.verdict.value == "AC" and report.total == 3
        # The child in reserve ran the solution and was ended with it: never handed on.
        assert reserved is not None and not reserved.running() and spares._spare is not reserved
        again = judge(challenge, source, options)
        assert again.verdict.value == "AC"


@pytest.mark.timeout(120)
def test_ctrl_c_during_run_exits_130_with_one_line() -> None:
    slow = REPO / "solutions" / "can_shift" / "time_limit_exceeded" / "interview_fixed.py"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "judge", "run", "can_shift", str(slow)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    time.sleep(1.5)  # judging: the big tests take seconds each
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.splitlines()[-1] == "judge: interrupted" and "Traceback" not in err and "Aborted" not in err
