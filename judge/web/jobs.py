"""Judging for the page: one submission at a time, in order, on one worker thread.

The engine is synchronous and every child it starts is tied to the thread that started
it (bubblewrap's --die-with-parent), so all judging happens on one long-lived thread.
A FIFO of at most ``MAX_WAITING`` submissions waits in front of it. A submission whose
client went away is dropped from the queue, or stopped at its next test.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal

from judge.judging.calibration import budgets_for
from judge.judging.engine import Options, judge
from judge.model.errors import JudgeError
from judge.model.events import Calibrating, Event, EventFn, Started, TestFinished
from judge.model.report import Report
from judge.model.source import Source
from judge.problems.challenge import Challenge
from judge.runner.sandbox import ProcessSandbox

Mode = Literal["test", "run"]
#: Submissions allowed to wait behind the one being judged.
MAX_WAITING = 16


class Busy(JudgeError):
    """Too many submissions are waiting."""


class Cancelled(Exception):
    """The client went away, or the server is stopping: stop judging at the next event."""


@dataclass(frozen=True)
class Submission:
    challenge: Challenge
    source: Source
    #: "test": the sample tests only; "run": every test.
    mode: Mode


def samples_only(challenge: Challenge) -> Challenge:
    """The challenge seen with its sample tests only (for mode "test")."""
    view = dataclasses.replace(challenge)
    view.__dict__["tests"] = [t for t in challenge.tests if not t.hidden]  # fills the cached_property
    return view


def run_submission(submission: Submission, sandbox: ProcessSandbox, on_event: EventFn) -> Report:
    """Judge one submission as the CLI would, in the same sandbox."""
    challenge, source = submission.challenge, submission.source
    if submission.mode == "run":
        return judge(challenge, source, Options(sandbox=sandbox), on_event)
    # Samples only, with the budgets calibrated on the whole challenge (the same the CLI uses).
    # Each sample is timed once and not compared with the reference: on inputs this small
    # the ratio is noise, and Run is for a fast verdict.
    budgets = budgets_for(challenge, sandbox, on_event).budgets_s
    samples = samples_only(challenge)
    budgets = {t.name: budgets[t.name] for t in samples.tests}
    options = Options(budgets=budgets, sandbox=sandbox, repeat=False, compare_reference=False)
    return judge(samples, source, options, on_event)


class Judges:
    """The queue and its one worker."""

    def __init__(
        self, sandbox: ProcessSandbox, run: Callable[[Submission, ProcessSandbox, EventFn], Report] = run_submission
    ) -> None:
        self.sandbox = sandbox
        self._run = run
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judge-web")
        self._lock = threading.Lock()
        self._pending = 0
        self._stopping = threading.Event()

    @property
    def pending(self) -> int:
        """Submissions waiting or being judged."""
        return self._pending

    def submit(self, submission: Submission, on_event: EventFn) -> tuple[Future[Report], int]:
        """Queue a submission: its future report, and how many submissions are ahead of it."""
        with self._lock:
            if self._stopping.is_set():
                raise Busy("the server is stopping")
            if self._pending > MAX_WAITING:
                raise Busy(f"{self._pending} submissions are already waiting; try again when they are judged")
            ahead = self._pending
            self._pending += 1

        def listen(event: Event) -> None:
            if self._stopping.is_set():
                raise Cancelled
            on_event(event)

        future = self._executor.submit(self._run, submission, self.sandbox, listen)
        future.add_done_callback(self._done)
        return future, ahead

    def _done(self, _: Future[Report]) -> None:
        with self._lock:
            self._pending -= 1

    def close(self) -> None:
        """Stop: drop what waits, stop what runs at its next test."""
        self._stopping.set()
        self._executor.shutdown(wait=False, cancel_futures=True)


async def stream(judges: Judges, submission: Submission) -> AsyncIterator[tuple[str, dict[str, Any]]]:
    """The judgment as (event name, data) pairs: queued?, started, calibrating*, test*, then report or error."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
    gone = threading.Event()

    def on_event(event: Event) -> None:
        if gone.is_set():
            raise Cancelled
        loop.call_soon_threadsafe(queue.put_nowait, ("event", event))

    def finished(future: Future[Report]) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, ("end", future))

    future, ahead = judges.submit(submission, on_event)
    future.add_done_callback(finished)
    try:
        if ahead:
            yield "queued", {"ahead": ahead}
        while True:
            kind, item = await queue.get()
            if kind == "event":
                encoded = encode(item)
                if encoded is not None:
                    yield encoded
                continue
            if item.cancelled() or isinstance(item.exception(), Cancelled):
                yield "error", {"error": "the server is stopping"}
            elif isinstance(item.exception(), JudgeError):
                yield "error", {"error": str(item.exception())}
            elif item.exception() is not None:
                yield "error", {"error": f"internal error: {item.exception()!r}"}
            else:
                yield "report", {"report": item.result()}
            return
    finally:
        gone.set()
        future.cancel()


def encode(event: Event) -> tuple[str, dict[str, Any]] | None:
    """An engine event as the page's stream carries it (hidden tests are already redacted)."""
    if isinstance(event, Started):
        tests = [{"name": t.name, "hidden": t.hidden} for t in event.tests]
        return "started", {
            "challenge": event.challenge,
            "solution": event.solution,
            "tests": tests,
            "isolation": event.isolation.to_dict(),
        }
    if isinstance(event, Calibrating):
        return "calibrating", {"text": event.text, "index": event.index, "total": event.total}
    if isinstance(event, TestFinished):
        return "test", {"index": event.index, "total": event.total, "result": event.result.to_dict()}
    return None
