"""One solution's child process over a whole run: loaded once, respawned after a kill.

A session runs a test as three requests (decode the input, call, fetch the answer) in
one *window*: the test's CPU, wall-clock and memory budget covers all three, measured
from outside over the child's whole process tree. Work a solution hides in the steps
around its call (a wrapped ``recv``, a profile hook, a thread, a fork) is charged like
the call's own. The harness's honest share of those steps, timed by the judge on its
own copy of the work (``Allowance``) and by no-op round trips before the solution is
loaded, is not charged. A session hands back what happened; it never decides a verdict.
It also owns the repeated timing of fast tests (see ``judge.runner.timing``).
"""

from __future__ import annotations

import gc
import json
import marshal
import math
import statistics
import time
from collections.abc import Sequence
from typing import Any

from msgspec import Struct

from judge.runner import hidden, timing
from judge.runner.child import MAX_ANSWER, Child, Window
from judge.runner.harness import encode_call
from judge.runner.process import ProcessSandbox, SandboxError
from judge.runner.protocol import Budget, Done, Outcome, Status, Tested
from judge.runner.spares import Spares, take_early

MIB = 1024 * 1024
#: What a test's time means; part of the calibration's cache key, so budgets measured
#: before a change of meaning are measured again. "window": input, call and answer,
#: every process of the solution, less the harness's honest share; "-2": a small test
#: is one request (its one round trip charged, as the call's was); "-gc": what the load
#: left alive is frozen, out of the collector's walks.
MEASUREMENT = "window-2-gc"
#: Loading (compiling and importing) the solution: generous, it is not timed against the budget.
LOAD_CPU_S = 10.0
LOAD_WALL_S = 30.0
LOAD_MEMORY = 2048 * MIB
#: Decoding the copies of a fast test's input for its timing blocks (trusted work, but bounded).
PUT_BUDGET = Budget(cpu_s=10.0, wall_s=20.0, memory_bytes=4096 * MIB)
#: Virtual memory beyond the budget: numpy and friends map much more than they touch.
ADDRESS_SPACE_MARGIN = 4096 * MIB
#: The wall-clock backstop of a test: sleeping is not free.
WALL_FACTOR, WALL_EXTRA_S = 3.0, 2.0
#: Round trips timed before the solution loads, to know the harness's own cost of one.
OVERHEAD_TRIPS = 5
#: The margin on the judge's estimate of the harness's work (see Allowance.margin).
ALLOWANCE_FACTOR, ALLOWANCE_EXTRA_S = 1.5, 0.0002
#: Inputs (bytes of marshal) and answers (characters of JSON) shorter than this cost the
#: harness too little to be worth timing: a few microseconds, charged to the test.
TIMED_FROM = 4 * 1024
#: A test whose input, answer or memory reaches this is freed by a request of its own,
#: after its window; smaller ones are freed by the next test's put, in microseconds.
FREE_APART_FROM = 4 * MIB


class Allowance(Struct, frozen=True):
    """The harness's honest work inside a test, timed in the judge on its own copy of it."""

    #: Decoding one copy of the input.
    decode_s: float = 0.0
    #: Encoding the expected answer (what a right answer costs to hand back).
    encode_s: float = 0.0

    @staticmethod
    def margin(estimate_s: float) -> float:
        """An estimate with room for what the judge's copy does not see (page faults, the
        pipe, the child's caches): honest work varies by ±20% run to run. Whatever a
        solution hides in these steps beyond it is charged; at most this margin is not."""
        return estimate_s * ALLOWANCE_FACTOR + ALLOWANCE_EXTRA_S if estimate_s else 0.0


NO_ALLOWANCE = Allowance()


def _cpu_of(work: Any, at_least_s: float = 0.0001) -> float:
    """The judge's own CPU for ``work()`` (repeated until measurable), the cyclic GC off.

    The GC is off because a collection here walks the judge's heap (every test loaded),
    far bigger than the child's: it would say nothing about the child's cost.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        runs, start = 0, time.thread_time()
        while True:
            work()
            runs += 1
            spent = time.thread_time() - start
            if spent >= at_least_s or runs >= 50:
                return spent / runs
    finally:
        if enabled:
            gc.enable()


def measure_decode(payload: bytes) -> float:
    """The judge's CPU to decode (and free) one copy of a test's input, as the harness does."""
    return _cpu_of(lambda: marshal.loads(payload)) if len(payload) >= TIMED_FROM else 0.0


class TestRun(Struct):
    """What happened when one test ran. Which fields are set tells how far it got."""

    __test__ = False  # not a pytest test class

    #: Why the test could not even start (the child would not load again, or died before the call).
    setup_error: str | None = None
    #: The judged call.
    call: Outcome | None = None
    #: Fetching the return value: only after a call that returned normally.
    answer: Outcome | None = None
    #: The request that a time or memory limit stopped, whichever of the three it was.
    limit: Outcome | None = None
    #: Which step ``limit`` stopped: "input", "call" or "answer"; "test" for a test sent
    #: as one request (a small one), whose steps the judge does not tell apart.
    limit_step: str = ""
    #: The test's CPU time: its whole window less the harness's honest share.
    cpu_s: float = 0.0
    wall_s: float = 0.0
    #: Peak memory of the window above its start (input, work and answer), in KiB.
    memory_kib: int = 0
    #: The kernel's memory limit was hit (or it killed for memory) during the test.
    memory_hit: bool = False


class Session:
    """One solution's child process, respawned and reloaded if a test kills it."""

    def __init__(
        self,
        sandbox: ProcessSandbox,
        function: str,
        memory_bytes: int,
        *,
        repeat: bool = True,
        precise: int = 0,
        spares: Spares | None = None,
        preload: Sequence[str] = (),
        site: bool = True,
        timed: bool = True,
    ) -> None:
        self.sandbox = sandbox
        #: Where started children come from when a front end keeps one in reserve.
        self.spares = spares if spares is not None and spares.sandbox is sandbox else None
        #: Modules every child imports before it loads the solution (the challenge's allowed_modules),
        #: again after each restart: no test is ever charged for importing them.
        self.preload = tuple(preload)
        #: The preloaded modules the child could not import, each with why (set by load()).
        self.unavailable: tuple[str, ...] = ()
        #: Whether the child imports site (site-packages, numpy); only the probe goes without.
        self.site = site
        #: Whether the harness's round trip is timed at load (the probe, which times nothing, skips it).
        self.timed = timed
        self.function = function
        #: What one test may allocate above what the child held before it.
        self.memory_bytes = memory_bytes
        #: Give fast tests extra timing blocks; ``precise`` gives every test that many.
        self.repeat = repeat
        self.precise = precise
        #: The solution and its whole-process CPU backstop, kept for restarts after a kill.
        self.source = ""
        #: The name tracebacks give the solution's file.
        self.filename = "solution.py"
        self.cpu_backstop_s = 60.0
        self.child: Child | None = None
        #: A started child with nothing loaded yet (see spawn()).
        self._spare: Child | None = None
        #: The harness's own CPU per round trip (ms), timed before the solution loads.
        self.overhead_ms = 0.0

    def spawn(self) -> None:
        """Start a child now, so its interpreter boots while the judge loads tests and budgets."""
        if self._spare is None:
            self._spare = self._new_child()

    def _new_child(self) -> Child:
        if self.spares is not None:
            return self.spares.take(self.preload)
        early = take_early(self.sandbox, self.preload) if self.site else None
        return early or Child(self.sandbox, self.preload, site=self.site)

    def load(self, source: str, cpu_backstop_s: float, filename: str = "solution.py") -> Outcome:
        """Load the solution into a child (the spare one if spawned); a CE shows in the outcome."""
        self.source, self.cpu_backstop_s, self.filename = source, cpu_backstop_s, filename
        return self._start()

    def _start(self) -> Outcome:
        if self.child is not None:
            self.child.close()
        self.child, self._spare = (self._spare or self._new_child()), None
        if self.child.hidden != hidden.secrets():
            # Started before a problem set was registered: its sandbox does not mask it.
            self.child.close()
            self.child = Child(self.sandbox, self.preload, site=self.site)
        # Memory kept between tests (or grown in the requests around them) never adds up
        # past what loading may take plus one test's budget: the kernel's limit holds it.
        self.child.memory_ceiling = LOAD_MEMORY + self.memory_bytes
        self._contain(self.child)
        # Timed here, while no solution code has run: a solution cannot inflate it.
        self.overhead_ms = self._measure_overhead(self.child) if self.timed else 0.0
        message = {"op": "load", "source": self.source, "filename": self.filename, "function": self.function}
        outcome = self.child.request(message, Budget(LOAD_CPU_S, LOAD_WALL_S, LOAD_MEMORY))
        if isinstance(outcome.reply, Done):
            self.unavailable = outcome.reply.unavailable
        return outcome

    def rlimits(self) -> dict[str, int]:
        return {
            "RLIMIT_AS": self.memory_bytes + ADDRESS_SPACE_MARGIN,
            "RLIMIT_CORE": 0,
            "RLIMIT_FSIZE": 64 * MIB,
            "RLIMIT_NOFILE": 256,
            "RLIMIT_STACK": 512 * MIB,
            "RLIMIT_CPU": int(math.ceil(self.cpu_backstop_s)),
            **self.sandbox.rlimits,
        }

    def _contain(self, child: Child) -> None:
        """Rlimits and the system-call filter, checked from outside before the solution is sent."""
        message = {
            "op": "contain",
            "rlimits": self.rlimits(),
            "seccomp": self.sandbox.seccomp.hex() if self.sandbox.seccomp else None,
        }
        outcome = child.request(message, Budget(LOAD_CPU_S, LOAD_WALL_S, LOAD_MEMORY))
        if not outcome.done:
            child.kill()
            reply = outcome.reply
            why = getattr(reply, "message", "") or outcome.detail or "no reply"
            raise SandboxError(f"the child could not be contained: {why}")
        if self.sandbox.seccomp and not seccomp_active(child.pid):
            child.kill()
            raise SandboxError("the child's system-call filter is not in force")

    def _measure_overhead(self, child: Child) -> float:
        """CPU ms of a round trip that runs nothing: the harness's part of every request."""
        seen = []
        for _ in range(OVERHEAD_TRIPS):
            call = child.request({"op": "call", "timing": True}, Budget(1.0, 5.0, LOAD_MEMORY))
            if call.status is not Status.REPLY:
                return 0.0
            seen.append(call.cpu_s * 1000)
        # The median, not the minimum: a round trip's cost varies, and blocks pay the typical one.
        return statistics.median(seen)

    def _ensure(self) -> str | None:
        """A live child with the solution loaded; else why not."""
        if self.child is not None and self.child.alive:
            return None
        if self._start().done:
            return None
        return "the solution did not load again after its process was restarted"

    def test_budget(self, budget_s: float) -> Budget:
        """The limits of one test: the CPU budget, a wall-clock backstop, the memory budget."""
        return Budget(budget_s, budget_s * WALL_FACTOR + WALL_EXTRA_S, self.memory_bytes)

    def run(
        self, payload: bytes | str, budget_s: float, allowance: Allowance = NO_ALLOWANCE, *, check_args: bool = False
    ) -> TestRun:
        """Run one test: decode its input in the child, make the judged call, fetch what it returned.

        ``payload`` is the input as the harness decodes it (``harness.encode_call``), or as
        JSON text ``{"args": [...], "kwargs": {...}}``.
        ``check_args`` asks the child whether the call changed its arguments (see ``Answer.mutated``).
        """
        if isinstance(payload, str):
            call = json.loads(payload)
            payload = encode_call(call["args"], call["kwargs"])
        assert isinstance(payload, bytes)
        problem = self._ensure()
        if problem:
            return TestRun(setup_error=problem)
        child = self.child
        assert child is not None
        budget = self.test_budget(budget_s)
        if not allowance.decode_s and not allowance.encode_s:
            run = self._run_at_once(child, payload, budget, check_args)
        else:
            run = self._run_in_steps(child, payload, budget, allowance, check_args)
        if child.alive and (allowance.decode_s or allowance.encode_s or run.memory_kib * 1024 >= FREE_APART_FROM):
            # A big input or answer is freed now, outside the test's window: freeing is the
            # harness's work, not the test's.
            child.request({"op": "free"}, PUT_BUDGET)
        return run

    def _run_at_once(self, child: Child, payload: bytes, budget: Budget, check_args: bool) -> TestRun:
        """A small test (the harness's share is microseconds, and charged) in one request."""
        window = child.open_window(budget)
        message = {"op": "test", "check_args": check_args}
        outcome = child.request(message, budget, window=window, tail=payload, cap=MAX_ANSWER, what="answer")
        run = TestRun()
        reply = outcome.reply
        if outcome.status is Status.REPLY and isinstance(reply, Tested):
            run.call = Outcome(Status.REPLY, reply.call, cpu_s=outcome.cpu_s, wall_s=outcome.wall_s)
            run.answer = Outcome(Status.REPLY, reply.answer)
        elif outcome.status is Status.PROTOCOL:
            # The reply that carries the answer could not be read: it counts against the
            # answer (WA), as when the answer is fetched on its own.
            run.call, run.answer = Outcome(Status.REPLY, Done()), outcome
        else:
            run.call = outcome  # it raised, hit a limit or died
            if outcome.status in (Status.TIME, Status.MEMORY):
                run.limit, run.limit_step = outcome, "test"
        self._charge(run, child.close_window(window), outcome, 0.0, 0.0)
        return run

    def _run_in_steps(
        self, child: Child, payload: bytes, budget: Budget, allowance: Allowance, check_args: bool
    ) -> TestRun:
        """A big test in three requests, so the harness's honest share of each step can be
        taken off, never more than the step took."""
        trip = self.overhead_ms / 1000
        honest = 2 * trip + allowance.margin(allowance.decode_s) + allowance.margin(allowance.encode_s)
        window = child.open_window(budget, allowance_s=honest)
        run = TestRun()
        put = child.request({"op": "put"}, budget, window=window, tail=payload)
        if put.status is Status.REPLY:
            run.call = child.request({"op": "call"}, budget, window=window)
            if run.call.done:
                fetch = {"op": "fetch", "check_args": check_args}
                run.answer = child.request(fetch, budget, window=window, cap=MAX_ANSWER, what="answer")
        for step, outcome in (("input", put), ("call", run.call), ("answer", run.answer)):
            if outcome is not None and outcome.status in (Status.TIME, Status.MEMORY):
                run.limit, run.limit_step = outcome, step
        if put.status is not Status.REPLY and run.limit is None:
            run.setup_error = f"the process ended before the test could start: {put.detail}"
        self._charge(run, child.close_window(window), put, honest, trip + allowance.margin(allowance.decode_s))
        return run

    @staticmethod
    def _charge(run: TestRun, window: Window, put: Outcome, honest: float, honest_put: float) -> None:
        """The window's cost less the harness's honest share, never more than those steps took."""
        around = put.cpu_s + (run.answer.cpu_s if run.answer is not None else 0.0)
        share = min(honest if run.answer is not None else honest_put, around)
        run.cpu_s = max(0.0, window.cpu_s - share)
        run.wall_s = window.wall_s
        run.memory_kib = window.memory_kib
        run.memory_hit = window.memory_hit

    def worth_timing_again(self, first_ms: float) -> bool:
        return bool(self.precise) or (self.repeat and timing.worth_repeating(first_ms))

    def time_again(
        self, first_ms: float, input_bytes: int, budget_s: float
    ) -> tuple[float, tuple[float, float]] | None:
        """Extra timing blocks for the test just run: (median per-call ms, (min, max)), or None.

        The verdict is already decided by the judged test; a block that fails in any way
        just ends the extra timing (a killed child is restarted by the next test). These
        times are reported, never judged: a solution that caches answers by value makes
        them look faster than its judged call (docs/isolation.md).
        """
        child = self.child
        if child is None or not child.alive:
            return None
        budget = self.test_budget(budget_s)
        blocks = self.precise or timing.BLOCKS
        # The judged time includes the harness's overhead: without it, the per-call
        # estimate (and so the block) would be far too short for a sub-microsecond call.
        estimate = first_ms - self.overhead_ms
        if estimate < timing.PILOT_BELOW_MS:
            # Too close to the round trip's own (noisy) cost to size a block from: time a
            # short pilot block first. A block sized from noise would be noise.
            pilot = self._blocks(child, budget, timing.PILOT_REPS, 1)
            if not pilot:
                return None
            estimate = pilot[0]
        reps = timing.reps_for(max(estimate, timing.FLOOR_MS), input_bytes)
        samples = [max(0.0, first_ms - self.overhead_ms)] if reps == 1 else []
        samples += self._blocks(child, budget, reps, blocks)
        return timing.summarise(samples) if len(samples) >= 2 else None

    def _blocks(self, child: Child, budget: Budget, reps: int, blocks: int) -> list[float]:
        """Per-call CPU ms of ``blocks`` timing blocks of ``reps`` fresh calls each (fewer if one fails)."""
        # All blocks' copies are decoded in one round trip, each call takes the next group.
        put = child.request({"op": "put", "again": True, "reps": reps, "blocks": blocks}, PUT_BUDGET)
        samples: list[float] = []
        if put.status is Status.REPLY:
            for _ in range(blocks):
                call = child.request({"op": "call", "timing": True}, budget)
                if not call.done:
                    break
                samples.append(max(0.0, call.cpu_s * 1000 - self.overhead_ms) / reps)
        if child.alive:
            child.request({"op": "free"}, PUT_BUDGET)  # the copies go before the next test starts
        return samples

    def close(self) -> None:
        if self._spare is not None:
            self._spare.close()
            self._spare = None
        if self.child is not None:
            self.child.close()


def seccomp_active(pid: int | None) -> bool:
    """Whether the kernel reports a seccomp filter on the process (read by the judge, not the child)."""
    if pid is None:
        return False
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"Seccomp:"):
                    return line.split()[1] == b"2"
    except (OSError, IndexError):
        return False
    return False
