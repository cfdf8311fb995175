"""One solution's child process over a whole run: loaded once, respawned after a kill.

A session runs a test as three requests (decode the input, call, fetch the answer) and
hands back what happened, measured from outside; it never decides a verdict. It also
owns the repeated timing of fast tests (see ``judge.runner.timing``).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from judge.runner import timing
from judge.runner.child import Child
from judge.runner.protocol import Budget, Done, Outcome, Status
from judge.runner.sandbox import ProcessSandbox
from judge.runner.spares import Spares

MIB = 1024 * 1024
#: Loading (compiling and importing) the solution: generous, it is not timed against the budget.
LOAD_CPU_S = 10.0
LOAD_WALL_S = 30.0
LOAD_MEMORY = 2048 * MIB
#: Decoding a test's input inside the child (trusted work, but still bounded).
PUT_BUDGET = Budget(cpu_s=10.0, wall_s=20.0, memory_bytes=4096 * MIB)
#: Virtual memory beyond the budget: numpy and friends map much more than they touch.
ADDRESS_SPACE_MARGIN = 4096 * MIB
#: The wall-clock backstop of a test: sleeping is not free.
WALL_FACTOR, WALL_EXTRA_S = 3.0, 2.0


@dataclass
class TestRun:
    """What happened when one test ran. Which fields are set tells how far it got."""

    __test__ = False  # not a pytest test class

    #: Why the test could not even start (the child would not load again, or died before the call).
    setup_error: str | None = None
    #: The judged call.
    call: Outcome | None = None
    #: Fetching the return value: only after a call that returned normally.
    answer: Outcome | None = None


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
    ) -> None:
        self.sandbox = sandbox
        #: Where started children come from when a front end keeps one in reserve.
        self.spares = spares if spares is not None and spares.sandbox is sandbox else None
        self.function = function
        #: Modules every child imports before it loads the solution (the challenge's allowed_modules),
        #: again after each restart: no test is ever charged for importing them.
        self.preload = tuple(preload)
        #: The preloaded modules the child could not import, each with why (set by load()).
        self.unavailable: tuple[str, ...] = ()
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
        #: The harness's own CPU per call (ms), subtracted from repeated timing blocks.
        self.overhead_ms = 0.0

    def spawn(self) -> None:
        """Start a child now, so its interpreter boots while the judge loads tests and budgets."""
        if self._spare is None:
            self._spare = self._new_child()

    def _new_child(self) -> Child:
        if self.spares is not None:
            return self.spares.take(self.preload)
        return Child(self.sandbox, self.preload)

    def load(self, source: str, cpu_backstop_s: float, filename: str = "solution.py") -> Outcome:
        """Load the solution into a child (the spare one if spawned); a CE shows in the outcome."""
        self.source, self.cpu_backstop_s, self.filename = source, cpu_backstop_s, filename
        return self._start()

    def _start(self) -> Outcome:
        if self.child is not None:
            self.child.close()
        self.child, self._spare = (self._spare or self._new_child()), None
        rlimits = {
            "RLIMIT_AS": self.memory_bytes + ADDRESS_SPACE_MARGIN,
            "RLIMIT_CORE": 0,
            "RLIMIT_FSIZE": 64 * MIB,
            "RLIMIT_NOFILE": 256,
            "RLIMIT_STACK": 512 * MIB,
            "RLIMIT_CPU": int(math.ceil(self.cpu_backstop_s)),
            **self.sandbox.rlimits,
        }
        message = {
            "op": "load",
            "source": self.source,
            "filename": self.filename,
            "function": self.function,
            "rlimits": rlimits,
        }
        outcome = self.child.request(message, Budget(LOAD_CPU_S, LOAD_WALL_S, LOAD_MEMORY))
        if isinstance(outcome.reply, Done):
            self.unavailable = outcome.reply.unavailable
        if self.repeat and outcome.done:
            self.overhead_ms = self._measure_overhead()
        return outcome

    def _measure_overhead(self) -> float:
        """CPU ms of a call that runs nothing: the harness's part of every timing block."""
        assert self.child is not None
        seen = []
        for _ in range(5):
            call = self.child.request({"op": "call", "timing": True}, Budget(1.0, 5.0, LOAD_MEMORY), peak=False)
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
        """The limits of one judged call: the CPU budget, a wall-clock backstop, the memory budget."""
        return Budget(budget_s, budget_s * WALL_FACTOR + WALL_EXTRA_S, self.memory_bytes)

    def run(self, call_json: str, budget_s: float, *, check_args: bool = False) -> TestRun:
        """Run one test: decode its input in the child, make the judged call, fetch what it returned.

        ``check_args`` asks the child whether the call changed its arguments (see ``Answer.mutated``).
        """
        problem = self._ensure()
        if problem:
            return TestRun(setup_error=problem)
        child = self.child
        assert child is not None
        put = child.request({"op": "put", "call": call_json}, PUT_BUDGET, peak=False)
        if put.status is not Status.REPLY:
            return TestRun(setup_error=f"the process ended before the test could start: {put.detail}")
        budget = self.test_budget(budget_s)
        call = child.request({"op": "call"}, budget)
        if not call.done:
            return TestRun(call=call)
        fetch_budget = Budget(max(5.0, budget_s), max(10.0, budget.wall_s), self.memory_bytes)
        fetch = {"op": "fetch", "check_args": check_args}
        return TestRun(call=call, answer=child.request(fetch, fetch_budget, peak=False))

    def worth_timing_again(self, first_ms: float) -> bool:
        return bool(self.precise) or (self.repeat and timing.worth_repeating(first_ms))

    def time_again(
        self, first_ms: float, input_bytes: int, budget_s: float
    ) -> tuple[float, tuple[float, float]] | None:
        """Extra timing blocks for the test just run: (median per-call ms, (min, max)), or None.

        The verdict is already decided by the judged call; a block that fails in any way
        just ends the extra timing (a killed child is restarted by the next test).
        """
        child = self.child
        if child is None or not child.alive:
            return None
        budget = self.test_budget(budget_s)
        blocks = self.precise or timing.BLOCKS
        # The judged call's time includes the harness's overhead: without it, the per-call
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
        put = child.request({"op": "put", "again": True, "reps": reps, "blocks": blocks}, PUT_BUDGET, peak=False)
        samples: list[float] = []
        for _ in range(blocks if put.status is Status.REPLY else 0):
            call = child.request({"op": "call", "timing": True}, budget, peak=False)
            if not call.done:
                break
            samples.append(max(0.0, call.cpu_s * 1000 - self.overhead_ms) / reps)
        return samples

    def close(self) -> None:
        if self._spare is not None:
            self._spare.close()
            self._spare = None
        if self.child is not None:
            self.child.close()
