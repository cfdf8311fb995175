"""Judging one solution: run every test in a child, turn outcomes into verdicts.

The grader owns the mapping from what the judge observed (a reply, a kill for
time or memory, a death) to a verdict, and it is where hidden tests are
redacted: their results never carry inputs, answers, prints or messages.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge import growth, timing
from judge.challenge import Challenge, TestCase
from judge.checkers import CheckerFn, CheckResult, default_checker, normalise
from judge.report import Report, TestResult, overall
from judge.runner.child import Budget, Child, Outcome, Status
from judge.runner.harness import decode
from judge.runner.sandbox import ProcessSandbox, best_sandbox
from judge.verdict import Verdict

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
SHOW_LIMIT = 2000

ProgressFn = Callable[[TestResult, int, int], None]


@dataclass
class Options:
    #: Per-test CPU budgets in seconds by test name; None calibrates (or uses the config's time_ms).
    budgets: dict[str, float] | None = None
    fail_fast: bool = False
    sandbox: ProcessSandbox | None = None
    progress: ProgressFn | None = None
    #: Skip computing time_vs_reference (calibration itself runs this way).
    compare_reference: bool = True
    #: Told what is happening when something slow (calibration) runs first.
    notify: Callable[[str], None] | None = None
    #: Give fast tests extra timing blocks (median and spread); off, each test is timed once.
    repeat: bool = True
    #: Time EVERY test this many extra times (median and spread), not only the fast ones:
    #: slower, but steadier numbers on a noisy machine. 0 = only fast tests.
    precise: int = 0


class LoadError(Exception):
    """The solution cannot be loaded: the message says why (a CE)."""


def read_source(data: bytes) -> str:
    """Decode a solution file; a UTF-8 BOM and CRLF endings are fine, binary is not."""
    if b"\0" in data:
        raise LoadError("the file is binary, not Python source (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"the file is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _clip(text: str | None) -> str | None:
    if text is None or len(text) <= SHOW_LIMIT:
        return text
    return text[:SHOW_LIMIT] + f"\n... ({len(text) - SHOW_LIMIT} more characters)"


def _show_value(value: Any) -> Any:
    text = repr(value)
    return value if len(text) <= SHOW_LIMIT else text[:SHOW_LIMIT] + "..."


class Session:
    """One solution's child process, respawned and reloaded if a test kills it."""

    def __init__(self, challenge: Challenge, sandbox: ProcessSandbox, *, repeat: bool = True, precise: int = 0) -> None:
        self.challenge = challenge
        self.sandbox = sandbox
        self.repeat = repeat
        self.precise = precise
        #: The solution and its whole-process CPU backstop, kept for restarts after a kill.
        self.source = ""
        self.cpu_backstop_s = 60.0
        self.child: Child | None = None
        #: A started child with nothing loaded yet (see spawn()).
        self._spare: Child | None = None
        #: The harness's own CPU per call (ms), subtracted from repeated timing blocks.
        self.overhead_ms = 0.0

    def spawn(self) -> None:
        """Start a child now, so its interpreter boots while the judge loads tests and budgets."""
        if self._spare is None:
            self._spare = Child(self.sandbox)

    def load(self, source: str, cpu_backstop_s: float) -> Outcome:
        """Load the solution into a child (the spare one if spawned); a CE shows in the outcome."""
        self.source, self.cpu_backstop_s = source, cpu_backstop_s
        return self.start()

    def start(self) -> Outcome:
        self.child, self._spare = (self._spare or Child(self.sandbox)), None
        memory = int(self.challenge.config.limits.memory_mib * MIB)
        rlimits = {
            "RLIMIT_AS": memory + ADDRESS_SPACE_MARGIN,
            "RLIMIT_CORE": 0,
            "RLIMIT_FSIZE": 64 * MIB,
            "RLIMIT_NOFILE": 256,
            "RLIMIT_STACK": 512 * MIB,
            "RLIMIT_CPU": int(math.ceil(self.cpu_backstop_s)),
            **self.sandbox.rlimits,
        }
        message = {"op": "load", "source": self.source, "function": self.challenge.config.function, "rlimits": rlimits}
        outcome = self.child.request(message, Budget(LOAD_CPU_S, LOAD_WALL_S, LOAD_MEMORY))
        if self.repeat and outcome.status is Status.REPLY and outcome.reply.get("status") == "ok":
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

    def ensure(self) -> str | None:
        """A live child with the solution loaded; else why not."""
        if self.child is not None and self.child.alive:
            return None
        outcome = self.start()
        if outcome.status is Status.REPLY and outcome.reply.get("status") == "ok":
            return None
        return "the solution did not load again after its process was restarted"

    def close(self) -> None:
        if self._spare is not None:
            self._spare.close()
            self._spare = None
        if self.child is not None:
            self.child.close()


def load_error_message(outcome: Outcome) -> str:
    if outcome.status is Status.REPLY:
        reply = outcome.reply
        if reply.get("status") == "missing":
            return str(reply.get("message"))
        text = str(reply.get("traceback") or f"{reply.get('type')}: {reply.get('message')}")
        return text.rstrip()
    if outcome.status is Status.TIME:
        return f"loading the solution took too long ({outcome.detail})"
    if outcome.status is Status.MEMORY:
        return f"loading the solution used too much memory ({outcome.detail})"
    return f"the solution's process ended while loading: {outcome.detail}"


def _raised(reply: dict[str, Any], name: str) -> bool:
    return any(entry == f"builtins.{name}" or entry.endswith(f".{name}") for entry in reply.get("mro", []))


def run_test(session: Session, case: TestCase, budget_s: float, check: CheckerFn) -> TestResult:
    """Run one test and decide its verdict. Sample results carry details; hidden ones never do."""
    result = TestResult(
        name=case.name, hidden=case.hidden, verdict=Verdict.RE, budget_ms=budget_s * 1000, size=case.size
    )
    if not case.hidden:
        result.input = {"args": case.args, "kwargs": case.kwargs}
        result.expected = _show_value(case.expected) if case.raises is None else f"raises {case.raises}"

    def finish(verdict: Verdict, message: str) -> TestResult:
        result.verdict = verdict
        if not case.hidden:
            result.message = _clip(message)
        return result

    problem = session.ensure()
    if problem:
        return finish(Verdict.RE, problem)
    child = session.child
    assert child is not None
    memory = int(session.challenge.config.limits.memory_mib * MIB)
    put = child.request({"op": "put", "call": case.call_json}, PUT_BUDGET, peak=False)
    if put.status is not Status.REPLY:
        return finish(Verdict.RE, f"the process ended before the test could start: {put.detail}")

    budget = Budget(budget_s, budget_s * WALL_FACTOR + WALL_EXTRA_S, memory)
    call = child.request({"op": "call"}, budget)
    result.time_ms, result.wall_ms, result.memory_kib = call.cpu_s * 1000, call.wall_s * 1000, call.memory_kib
    if not case.hidden and call.status is Status.REPLY:
        result.stdout = _clip(call.reply.get("stdout")) or None
        result.stderr = _clip(call.reply.get("stderr")) or None
    verdict = _limit_verdict(call)
    if verdict:
        return finish(verdict, call.detail)
    if call.cpu_s > budget_s:  # answered between two of the watcher's samples, but too late
        return finish(Verdict.TLE, f"took {call.cpu_s:.3f} s of CPU, over the {budget_s:.3f} s budget")
    if call.status is not Status.REPLY:
        return finish(Verdict.RE, call.detail)
    if call.memory_kib * 1024 > memory:
        return finish(Verdict.MLE, f"used {call.memory_kib // 1024} MiB, over the {memory // MIB} MiB budget")
    reply = call.reply
    if reply.get("status") == "exception":
        if reply.get("type") == "MemoryError" and _raised(reply, "MemoryError"):
            return finish(Verdict.MLE, "MemoryError: the solution ran out of its memory")
        if case.raises is not None and _raised(reply, case.raises):
            return finish(Verdict.AC, "")
        result.got = f"raised {reply.get('type')}"
        return finish(Verdict.RE, str(reply.get("traceback") or reply.get("type")).rstrip())
    if reply.get("status") != "ok":
        return finish(Verdict.RE, "the process answered out of turn")

    fetch = child.request({"op": "fetch"}, Budget(max(5.0, budget_s), max(10.0, budget.wall_s), memory), peak=False)
    verdict = _limit_verdict(fetch)
    if verdict:
        return finish(verdict, f"while handing back the answer: {fetch.detail}")
    if fetch.status is Status.PROTOCOL:
        return finish(Verdict.WA, fetch.detail)
    if fetch.status is not Status.REPLY:
        return finish(Verdict.RE, fetch.detail)
    if fetch.reply.get("status") != "ok":
        return finish(Verdict.WA, str(fetch.reply.get("message", "the answer could not be read")))
    text = fetch.reply.get("json")
    if not isinstance(text, str):
        return finish(Verdict.WA, "the answer could not be read")
    if case.hidden and case.raises is None and getattr(check, "text_match_passes", False):
        if text == case.expected_json:  # the common case, with no decoding of a big answer
            _maybe_time_again(session, child, case, budget, result)
            return finish(Verdict.AC, "")
    try:
        got = decode(text)
    except ValueError:
        return finish(Verdict.WA, "the answer could not be read")
    if not case.hidden:
        result.got = _show_value(got)
    if case.raises is not None:
        return finish(Verdict.WA, f"expected {case.raises} to be raised, but it returned {_show_value(got)!r}")
    try:
        verdict_check = normalise(check(case.expected, got, args=case.args, kwargs=case.kwargs))
    except Exception as exc:  # a checker bug is the author's, but must not hide as a pass
        verdict_check = CheckResult(False, f"the checker failed: {type(exc).__name__}: {exc}")
    _maybe_time_again(session, child, case, budget, result)
    return finish(Verdict.AC if verdict_check.ok else Verdict.WA, verdict_check.message)


def _maybe_time_again(session: Session, child: Child, case: TestCase, budget: Budget, result: TestResult) -> None:
    if session.precise or (session.repeat and timing.worth_repeating(result.time_ms)):
        _time_again(child, case, budget, result, session.overhead_ms, session.precise or timing.BLOCKS)


def _time_again(
    child: Child, case: TestCase, budget: Budget, result: TestResult, overhead_ms: float, blocks: int
) -> None:
    """Extra timing blocks for a fast test: its time becomes their median, with their spread.

    The verdict is already decided by the judged call; a block that fails in any way
    just ends the extra timing (a killed child is restarted by the next test).
    """
    # The judged call's time includes the harness's overhead: without it, the per-call
    # estimate (and so the block) would be far too short for a sub-microsecond call.
    estimate = result.time_ms - overhead_ms
    if estimate < timing.PILOT_BELOW_MS:
        # Too close to the round trip's own (noisy) cost to size a block from: time a
        # short pilot block first. A block sized from noise would be noise.
        pilot = _blocks(child, budget, timing.PILOT_REPS, 1, overhead_ms)
        if not pilot:
            return
        estimate = pilot[0]
    reps = timing.reps_for(max(estimate, timing.FLOOR_MS), len(case.call_json))
    samples = [max(0.0, result.time_ms - overhead_ms)] if reps == 1 else []
    samples += _blocks(child, budget, reps, blocks, overhead_ms)
    if len(samples) >= 2:
        result.time_ms, result.time_range_ms = timing.summarise(samples)


def _blocks(child: Child, budget: Budget, reps: int, blocks: int, overhead_ms: float) -> list[float]:
    """Per-call CPU ms of ``blocks`` timing blocks of ``reps`` fresh calls each (fewer if one fails)."""
    # All blocks' copies are decoded in one round trip, each call takes the next group.
    put = child.request({"op": "put", "again": True, "reps": reps, "blocks": blocks}, PUT_BUDGET, peak=False)
    samples: list[float] = []
    for _ in range(blocks if put.status is Status.REPLY else 0):
        call = child.request({"op": "call", "timing": True}, budget, peak=False)
        if call.status is not Status.REPLY or call.reply.get("status") != "ok":
            break
        samples.append(max(0.0, call.cpu_s * 1000 - overhead_ms) / reps)
    return samples


def _limit_verdict(outcome: Outcome) -> Verdict | None:
    if outcome.status is Status.TIME:
        return Verdict.TLE
    if outcome.status is Status.MEMORY:
        return Verdict.MLE
    return None


def load_checker(challenge: Challenge) -> CheckerFn:
    path = challenge.checker_path
    if path is None:
        return default_checker(challenge.config.check)
    from judge.errors import ChallengeError
    from judge.testdata import import_file

    module = import_file(path, f"_judge_checker_{challenge.id}")
    fn = getattr(module, "check", None)
    if not callable(fn):
        raise ChallengeError(f"{path}: must define check(expected, got, *, args, kwargs)")
    return fn


def judge_source(challenge: Challenge, data: bytes, name: str, options: Options | None = None) -> Report:
    """Judge a solution's source bytes on every test of a challenge."""
    options = options or Options()
    sandbox = options.sandbox or best_sandbox()
    session = Session(challenge, sandbox, repeat=options.repeat, precise=options.precise)
    session.spawn()
    try:
        return _judge(session, challenge, data, name, options)
    finally:
        session.close()


def _judge(session: Session, challenge: Challenge, data: bytes, name: str, options: Options) -> Report:
    sandbox = session.sandbox
    tests = challenge.tests
    check = load_checker(challenge)
    calibration = None
    budgets = options.budgets
    if budgets is None:
        from judge.calibrate import budgets_for

        calibration = budgets_for(challenge, sandbox, options.notify)
        budgets = calibration.budgets_s
    report = Report(
        challenge=challenge.id,
        solution=name,
        verdict=Verdict.CE,
        tests=[],
        isolation=sandbox.isolation.to_dict(),
        budget_multiplier=calibration.multiplier if calibration else None,
    )

    def skipped(verdict: Verdict) -> list[TestResult]:
        return [TestResult(name=t.name, hidden=t.hidden, verdict=verdict, size=t.size) for t in tests]

    try:
        source = read_source(data)
    except LoadError as exc:
        report.compile_error = str(exc)
        report.tests = skipped(Verdict.CE)
        return report

    loaded = session.load(source, cpu_backstop_s=sum(budgets.values()) * 4 + 60)
    if not (loaded.status is Status.REPLY and loaded.reply.get("status") == "ok"):
        report.compile_error = _clip(load_error_message(loaded))
        report.tests = skipped(Verdict.CE)
        return report
    failed = False
    for i, case in enumerate(tests):
        if failed and options.fail_fast:
            result = TestResult(name=case.name, hidden=case.hidden, verdict=Verdict.SKIPPED, size=case.size)
        else:
            result = run_test(session, case, budgets[case.name], check)
            if calibration is not None:
                result.reference_ms = calibration.reference_ms.get(case.name)
            failed = failed or not result.passed
        report.tests.append(result)
        if options.progress:
            options.progress(result, i + 1, len(tests))
    session.close()
    report.verdict = overall(report.tests)
    if calibration is not None and options.compare_reference:
        report.time_vs_reference = calibration.ratio(report.tests)
    report.growth = growth_of(report.tests, calibration.reference_ms if calibration is not None else {})
    return report


def growth_of(tests: list[TestResult], reference_ms: dict[str, float]) -> dict[str, Any] | None:
    """The growth entry of a report, over the tests that carry a size (None when there are none)."""
    family = [t for t in tests if t.size is not None and t.verdict is not Verdict.SKIPPED]
    if not family:
        return None
    done = [(t.size, t.time_ms) for t in family if t.verdict in (Verdict.AC, Verdict.WA) and t.size]
    cut = [(t.size, t.time_ms) for t in family if t.verdict is Verdict.TLE and t.size]
    if not done and not cut:
        return None
    mine = growth.fit(done, cut)
    ref_points = [(t.size, reference_ms[t.name]) for t in family if t.size and t.name in reference_ms]
    reference = growth.fit(ref_points) if ref_points else None
    return growth.describe(mine, reference)


def judge_file(challenge: Challenge, path: Path, options: Options | None = None) -> Report:
    return judge_source(challenge, path.read_bytes(), str(path), options)
