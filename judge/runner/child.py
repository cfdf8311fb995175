"""Driving one child process: send a request, watch it from outside, get a reply.

Every number that decides a verdict is measured here, in the judge's process, from the
kernel's view of the child: the CPU time and memory of its cgroup (every process and
thread it started) or, without cgroups, of its process, and the wall clock. The child's
own words are only ever "here is the value", and they are read as hostile: a reply that
is too big, malformed or out of turn is an outcome, never an exception in the judge.

A test is one *window* over several requests (decode the input, call, fetch the
answer): its budget covers all of them, so work hidden in the untimed steps (a wrapped
``recv``, a profile hook, a thread) is charged like the call's own.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from typing import Any

from msgspec import Struct, field

from judge.runner import interpreter
from judge.runner.harness import HEADER, frame, split
from judge.runner.hidden import secrets
from judge.runner.meter import Meter
from judge.runner.process import ProcessSandbox, SandboxError
from judge.runner.protocol import Budget, Outcome, Status, parse_reply

MIB = 1024 * 1024
#: The largest answer the judge reads: a bigger one is a verdict, not a memory problem for us.
MAX_ANSWER = 32 * MIB
#: The largest reply to any other request (the harness's are a few KiB: prints are capped).
MAX_REPLY = 1 * MIB
#: How often the watcher samples CPU time and memory while a request runs.
TICK_S = 0.005
#: What the judge keeps of the child's stderr (diagnostics only, never shown for hidden tests).
STDERR_KEEP = 8 * 1024
#: The kernel's memory limit sits this far above a window's budget: the watcher sees a
#: slow climb first and says MLE; the kernel stops a burst between two of its samples.
LIMIT_SLACK = 64 * MIB
#: How long a child whose channel closed may take to exit by itself before it is killed, so
#: its own exit status is reported, not the judge's SIGKILL (bwrap exits just after its child).
EXIT_GRACE_S = 0.5


class Window(Struct):
    """One test's span over several requests: what it may spend and what it has spent."""

    budget: Budget
    cpu0: float
    wall0: float
    #: Bytes charged to the child when the window opened: the base of its memory use.
    usage0: int
    #: Memory-limit events (OOM kills, failed charges) seen before the window opened.
    events0: int
    #: Whether the meter's peak was reset at the start (else the peak is the largest sample).
    peak_reset: bool
    #: Harness work inside the window that the test is not charged for (seconds of CPU).
    allowance_s: float = 0.0
    sampled_peak: int = 0
    #: The last CPU reading (the meter is gone once a kill removed the child's cgroup).
    last_cpu: float | None = None
    #: Filled by Child.close_window().
    cpu_s: float = 0.0
    wall_s: float = 0.0
    memory_kib: int = 0
    memory_hit: bool = False
    requests: list[Outcome] = field(default_factory=list)


class Child:
    """One child process running the harness, for one solution."""

    def __init__(
        self, sandbox: ProcessSandbox | None = None, preload: Sequence[str] = (), *, site: bool = True
    ) -> None:
        """Start the harness; it imports the ``preload`` modules while the judge gets on with other work.

        ``site`` False skips site-packages (faster to start, no numpy): only the probe does.
        """
        self.sandbox = sandbox or ProcessSandbox()
        #: The secrets its sandbox masks: the ones registered when it started.
        self.hidden = secrets()
        #: The modules this child imported as it started (a spare is reused only for the same ones).
        self.preload = tuple(preload)
        req_r, self._req_w = os.pipe()
        self._rep_r, rep_w = os.pipe()
        try:
            argv = interpreter.argv(req_r, rep_w, list(preload), site)
            self.proc = self.sandbox.spawn(argv, pass_fds=(req_r, rep_w))
        except BaseException:
            os.close(self._req_w)
            os.close(self._rep_r)
            raise
        finally:
            os.close(req_r)
            os.close(rep_w)
        # The judge never blocks on a child that stops reading its requests.
        os.set_blocking(self._req_w, False)
        #: Kept for the child's life: replies and stderr are always watched; the request
        #: pipe only while a request waits for room in it.
        self._sel = selectors.DefaultSelector()
        self._sel.register(self._rep_r, selectors.EVENT_READ, "reply")
        if self.proc.stderr is not None:
            self._sel.register(self.proc.stderr, selectors.EVENT_READ, "stderr")
        self.stderr = b""
        self.alive = True
        #: The most memory the child's whole process tree may ever hold (set by the session):
        #: a window's limit is never above it, however much the child kept from before.
        self.memory_ceiling: int | None = None
        # Into its cgroup at once, in the background: the kernel may make a move wait for
        # an RCU grace period (5-20 ms), which then overlaps the child's boot.
        self._placing: threading.Thread | None = threading.Thread(target=self._place, name="judge-place", daemon=True)
        self._placing.start()

    def _place(self) -> None:
        try:
            self.proc.ready()
        except SandboxError:
            pass  # said again, and acted on, when the meter is asked for

    def _placed(self) -> None:
        """Wait for the background move into the cgroup, if it is still under way."""
        if self._placing is not None:
            self._placing.join()
            self._placing = None

    def running(self) -> bool:
        """Alive as far as the judge knows, and its process has not exited."""
        return self.alive and self.proc.poll() is None

    # -- plumbing ---------------------------------------------------------

    @property
    def meter(self) -> Meter | None:
        """The child's meter, placing it in its cgroup first (before any solution code runs)."""
        self._placed()
        try:
            return self.proc.ready()
        except SandboxError:
            self.kill()
            raise

    @property
    def pid(self) -> int | None:
        self._placed()  # the move asks bwrap for the pid: one reader at a time
        return self.proc.target_pid()

    def open_window(self, budget: Budget, allowance_s: float = 0.0) -> Window:
        """Start measuring a test (or one request): reset the peak, set the kernel's memory limit."""
        meter = self.meter
        if meter is None:
            return Window(budget, 0.0, time.perf_counter(), 0, 0, False, allowance_s)
        usage0 = meter.memory_bytes() or 0
        limit = usage0 + budget.memory_bytes + LIMIT_SLACK
        meter.set_memory_limit(limit if self.memory_ceiling is None else min(limit, self.memory_ceiling))
        peak_reset = meter.reset_peak()
        events0 = meter.limit_events()
        return Window(budget, meter.cpu_s() or 0.0, time.perf_counter(), usage0, events0, peak_reset, allowance_s)

    def close_window(self, window: Window) -> Window:
        """What the window cost: CPU, wall, peak memory above its start, whether a limit was hit."""
        window.wall_s = time.perf_counter() - window.wall0
        meter = self.proc.meter
        if meter is None:
            return window
        cpu = meter.cpu_s()
        cpu = cpu if cpu is not None else window.last_cpu
        window.cpu_s = max(0.0, cpu - window.cpu0) if cpu is not None else window.wall_s
        peak = meter.peak_bytes() if window.peak_reset else None
        now = meter.memory_bytes() or 0
        peak = max(peak or 0, window.sampled_peak, now)
        window.memory_kib = max(0, peak - window.usage0) // 1024
        window.memory_hit = meter.limit_events() > window.events0
        return window

    def request(
        self,
        message: dict[str, Any],
        budget: Budget,
        *,
        window: Window | None = None,
        tail: bytes | None = None,
        cap: int = MAX_REPLY,
        what: str = "reply",
    ) -> Outcome:
        """Send one request and watch the child until it answers or breaks a limit.

        Alone, a request is its own window; within a test, its limits are the window's,
        counted from the window's start.
        """
        if not self.alive:
            return Outcome(Status.DIED, detail="the process had already ended")
        try:
            own = window is None
            window = window or self.open_window(budget)
        except SandboxError as exc:
            return Outcome(Status.DIED, detail=str(exc))
        outcome = self._watch(message, window, tail, cap, what)
        window.requests.append(outcome)
        if own:
            self.close_window(window)
            outcome.memory_kib = window.memory_kib
        return outcome

    def _watch(self, message: dict[str, Any], window: Window, tail: bytes | None, cap: int, what: str) -> Outcome:
        meter = self.proc.meter
        start_cpu = (meter.cpu_s() if meter else None) or 0.0
        start = time.perf_counter()
        pending = memoryview(frame(message, tail))
        budget = window.budget

        def finish(status: Status, detail: str = "") -> Outcome:
            cpu = meter.cpu_s() if meter else None
            if cpu is not None:
                window.last_cpu = cpu
            wall = time.perf_counter() - start
            return Outcome(
                status, cpu_s=max(0.0, cpu - start_cpu) if cpu is not None else wall, wall_s=wall, detail=detail
            )

        sel = self._sel
        sent = self._send(pending)  # a request usually fits in the pipe at once
        if sent is None:
            return self._died(finish(Status.DIED))
        pending = sent
        writing = bool(pending)
        if writing:
            sel.register(self._req_w, selectors.EVENT_WRITE, "request")
        buf = bytearray()
        need: int | None = None
        try:
            while True:
                for key, _ in sel.select(TICK_S):
                    if key.data == "request":
                        sent = self._send(pending)
                        if sent is None:
                            return self._died(finish(Status.DIED))
                        pending = sent
                        if not pending:
                            sel.unregister(self._req_w)
                            writing = False
                        continue
                    if key.data == "stderr":
                        chunk = os.read(key.fd, 65536)
                        if not chunk:
                            sel.unregister(key.fileobj)
                        elif len(self.stderr) < STDERR_KEEP:
                            self.stderr += chunk[: STDERR_KEEP - len(self.stderr)]
                        continue
                    chunk = os.read(self._rep_r, 1 << 20)
                    if not chunk:
                        return self._died(finish(Status.DIED))
                    buf += chunk
                    if need is None and len(buf) >= HEADER.size:
                        (need,) = HEADER.unpack(buf[: HEADER.size])
                        if need > cap:
                            outcome = finish(Status.PROTOCOL, f"the {what} is larger than {_size(cap)}")
                            self.kill()
                            return outcome
                    if need is not None and len(buf) >= HEADER.size + need:
                        return self._parse(buf, need, pending, finish)
                if meter is not None:
                    usage = meter.memory_bytes()
                    if usage is not None:
                        window.sampled_peak = max(window.sampled_peak, usage)
                        if usage - window.usage0 > budget.memory_bytes:
                            outcome = finish(Status.MEMORY, f"used over {budget.memory_bytes >> 20} MiB")
                            self.kill()
                            return outcome
                    cpu = meter.cpu_s()
                    if cpu is not None and cpu - window.cpu0 - window.allowance_s > budget.cpu_s:
                        outcome = finish(Status.TIME, f"over {budget.cpu_s:.2f} s of CPU")
                        self.kill()
                        return outcome
                if time.perf_counter() - window.wall0 > budget.wall_s:
                    outcome = finish(Status.TIME, f"over {budget.wall_s:.2f} s of wall clock")
                    self.kill()
                    return outcome
                if self.proc.poll() is not None:
                    return self._died(finish(Status.DIED))
        finally:
            if writing and self.alive:
                sel.unregister(self._req_w)

    def _send(self, pending: memoryview) -> memoryview | None:
        """What is left to write after writing what the pipe takes now; None when the child is gone."""
        try:
            return pending[os.write(self._req_w, pending) :]
        except BlockingIOError:
            return pending
        except OSError:
            return None

    def _parse(self, buf: bytearray, need: int, pending: memoryview, finish: Any) -> Outcome:
        """The reply in a complete frame; anything else the child wrote makes it a protocol error."""
        outcome: Outcome = finish(Status.REPLY)
        problem = None
        if pending:
            problem = "the process replied before it had read the request"
        elif len(buf) != HEADER.size + need:
            problem = "the process wrote more than one reply"
        else:
            try:
                head, tail = split(buf, HEADER.size)
                outcome.reply = parse_reply(bytes(head), tail)
            except Exception as exc:  # noqa: BLE001 - whatever the child wrote, it is its fault, not ours
                problem = f"the process wrote garbage on the judge's channel ({_why(exc)})"
        if problem is not None:
            self.kill()
            outcome.status, outcome.detail, outcome.reply = Status.PROTOCOL, problem, None
        return outcome

    def _died(self, outcome: Outcome) -> Outcome:
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
        self._placed()
        if self.alive:
            self.alive = False
            self._sel.close()
            for fd in (self._req_w, self._rep_r):
                try:
                    os.close(fd)
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


def _size(n: int) -> str:
    return f"{n >> 20} MiB" if n >= MIB else f"{n >> 10} KiB"


def _why(exc: BaseException) -> str:
    """A one-line reason for a malformed reply, whatever the exception's text."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]
