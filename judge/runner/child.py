"""Driving one child process: send a request, watch it from outside, get a reply.

Every number that decides a verdict is measured here, in the judge's process,
from the kernel's view of the child: its CPU clock, its resident memory, the
wall clock. The child's own words are only ever "here is the value".
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge.runner.harness import HEADER, frame
from judge.runner.protocol import Budget, Outcome, Status, parse_reply
from judge.runner.sandbox import ProcessSandbox

HARNESS_SOURCE = (Path(__file__).parent / "harness.py").read_text(encoding="utf-8")
#: The largest reply the judge reads; a bigger answer is an error, not a memory problem for us.
MAX_REPLY = 64 * 1024 * 1024
#: How often the watcher samples CPU time and memory while a request runs.
TICK_S = 0.005
#: What the judge keeps of the child's stderr (diagnostics only, never shown for hidden tests).
STDERR_KEEP = 8 * 1024
#: How long a child whose channel closed may take to exit by itself before it is killed, so
#: its own exit status is reported, not the judge's SIGKILL (bwrap exits just after its child).
EXIT_GRACE_S = 0.5
_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class _Start:
    """What the judge read of the child as a request began."""

    cpu: float
    wall: float
    #: Resident bytes: the base of the request's memory use.
    rss: int
    #: Whether the request's own peak memory is measured.
    peak: bool


def _cpu_clock(pid: int) -> int:
    """The clock id of a process's CPU time (all its threads): Linux's MAKE_PROCESS_CPUCLOCK."""
    return ((~pid) << 3) | 2


def _status_kib(pid: int, field_name: bytes) -> int | None:
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(field_name):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def _rss_bytes(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def _reset_peak(pid: int) -> bool:
    """Reset VmHWM to the current RSS, so the peak we read later is this request's."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


class Child:
    """One child process running the harness, for one solution."""

    def __init__(self, sandbox: ProcessSandbox | None = None, preload: Sequence[str] = ()) -> None:
        """Start the harness; it imports the ``preload`` modules while the judge gets on with other work."""
        self.sandbox = sandbox or ProcessSandbox()
        #: The modules this child imported as it started (a spare is reused only for the same ones).
        self.preload = tuple(preload)
        req_r, self._req_w = os.pipe()
        self._rep_r, rep_w = os.pipe()
        argv = [sys.executable, "-I", "-c", HARNESS_SOURCE, str(req_r), str(rep_w), json.dumps(list(preload))]
        try:
            self.proc = self.sandbox.spawn(argv, pass_fds=(req_r, rep_w))
        finally:
            os.close(req_r)
            os.close(rep_w)
        self.stderr = b""
        self.alive = True
        self._pid: int | None = None

    def running(self) -> bool:
        """Alive as far as the judge knows, and its process has not exited."""
        return self.alive and self.proc.poll() is None

    # -- plumbing ---------------------------------------------------------

    @property
    def pid(self) -> int | None:
        if self._pid is None:
            self._pid = self.proc.target_pid()
        return self._pid

    def _send(self, message: dict[str, Any]) -> bool:
        data = frame(message)
        try:
            while data:
                data = data[os.write(self._req_w, data) :]
        except (BrokenPipeError, OSError):
            return False
        return True

    def _cpu_s(self) -> float | None:
        pid = self.pid
        if pid is None:
            return None
        try:
            return time.clock_gettime(_cpu_clock(pid))
        except OSError:
            return None

    def request(self, message: dict[str, Any], budget: Budget, peak: bool = True) -> Outcome:
        """Send one request and watch the child until it answers or breaks a limit.

        With ``peak`` the request's own peak memory is measured (a reset of VmHWM
        before, a read after: a page-table walk, so untimed requests skip it).
        """
        if not self.alive:
            return Outcome(Status.DIED, detail="the process had already ended")
        pid = self.pid
        base_rss = (_rss_bytes(pid) or 0) if pid else 0
        if pid and peak:
            _reset_peak(pid)
        start = _Start(self._cpu_s() or 0.0, time.perf_counter(), base_rss, peak)
        if not self._send(message):
            return self._finish(Outcome(Status.DIED, detail="the process ended before the request"), start)

        sel = selectors.DefaultSelector()
        sel.register(self._rep_r, selectors.EVENT_READ, "reply")
        if self.proc.stderr is not None:
            sel.register(self.proc.stderr, selectors.EVENT_READ, "stderr")
        buf = bytearray()
        need: int | None = None
        try:
            while True:
                for key, _ in sel.select(TICK_S):
                    if key.data == "stderr":
                        chunk = os.read(key.fd, 65536)
                        if not chunk:
                            sel.unregister(key.fileobj)
                        elif len(self.stderr) < STDERR_KEEP:
                            self.stderr += chunk[: STDERR_KEEP - len(self.stderr)]
                        continue
                    chunk = os.read(self._rep_r, 1 << 20)
                    if not chunk:
                        return self._died(start)
                    buf += chunk
                    if need is None and len(buf) >= HEADER.size:
                        (need,) = HEADER.unpack(buf[: HEADER.size])
                        if need > MAX_REPLY:
                            self.kill()
                            return self._finish(
                                Outcome(Status.PROTOCOL, detail=f"the answer is larger than {MAX_REPLY >> 20} MiB"),
                                start,
                            )
                    if need is not None and len(buf) >= HEADER.size + need:
                        outcome = self._finish(Outcome(Status.REPLY), start)
                        try:
                            if len(buf) != HEADER.size + need:
                                raise ValueError("more than one reply")
                            outcome.reply = parse_reply(bytes(buf[HEADER.size :]))
                        except ValueError:
                            self.kill()
                            outcome.status, outcome.detail = (
                                Status.PROTOCOL,
                                "the process wrote garbage on the judge's channel",
                            )
                        return outcome
                cpu = (self._cpu_s() or start.cpu) - start.cpu
                wall = time.perf_counter() - start.wall
                if cpu > budget.cpu_s or wall > budget.wall_s:
                    why = (
                        f"over {budget.cpu_s:.2f} s of CPU"
                        if cpu > budget.cpu_s
                        else f"over {budget.wall_s:.2f} s of wall clock"
                    )
                    outcome = self._finish(Outcome(Status.TIME, detail=why), start)
                    self.kill()
                    return outcome
                rss = _rss_bytes(pid) if pid else None
                if rss is not None and rss - start.rss > budget.memory_bytes:
                    outcome = self._finish(Outcome(Status.MEMORY), start)
                    outcome.detail = f"used over {budget.memory_bytes >> 20} MiB"
                    self.kill()
                    return outcome
                if self.proc.poll() is not None:
                    return self._died(start)
        finally:
            sel.close()

    def _finish(self, outcome: Outcome, start: _Start) -> Outcome:
        outcome.wall_s = time.perf_counter() - start.wall
        cpu = self._cpu_s()
        outcome.cpu_s = max(0.0, cpu - start.cpu) if cpu is not None else outcome.wall_s
        hwm = _status_kib(self.pid, b"VmHWM:") if self.pid and start.peak else None
        if hwm is not None:
            outcome.memory_kib = max(0, hwm - start.rss // 1024)
        return outcome

    def _died(self, start: _Start) -> Outcome:
        outcome = self._finish(Outcome(Status.DIED), start)
        try:
            self.proc.wait(EXIT_GRACE_S)
        except subprocess.TimeoutExpired:
            pass  # still running with its channel closed: killed below, and reported as killed
        self.kill()
        code = self.proc.returncode
        if code is not None and code < 0:
            try:
                outcome.detail = f"the process was killed by {signal.Signals(-code).name}"
            except ValueError:
                outcome.detail = f"the process was killed by signal {-code}"
        else:
            outcome.detail = f"the process exited with code {code}"
        return outcome

    def kill(self) -> None:
        if self.alive:
            self.alive = False
            try:
                os.close(self._req_w)
                os.close(self._rep_r)
            except OSError:
                pass
            self.proc.kill()
            if self.proc.stderr is not None:
                self.proc.stderr.close()

    def close(self) -> None:
        """End the child: close its request pipe, give it a moment, then kill what is left."""
        if self.alive:
            try:
                os.close(self._req_w)
                self._req_w = os.open(os.devnull, os.O_WRONLY)
            except OSError:
                pass
            try:
                self.proc.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                pass
            self.kill()

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
