"""Judging for the page: one submission at a time, in order, on one worker thread.

The engine is synchronous and every child it starts is tied to the thread that started
it (bubblewrap's --die-with-parent), so all judging happens on one long-lived thread,
which also keeps a started child in reserve (``Spares``): a Run loads the solution into
it at once instead of waiting for a sandboxed interpreter to boot. A FIFO of at most
``MAX_WAITING`` submissions waits in front of it. A submission whose client went away
is dropped from the queue, or stopped at its next test.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Literal

from judge.judging.counterexample import DEFAULT_SEARCH_S
from judge.judging.engine import Options, judge
from judge.model.errors import JudgeError
from judge.model.events import Calibrating, Event, EventFn, Explaining, Started, TestFinished
from judge.model.report import Report
from judge.model.source import Source
from judge.practice import history
from judge.problems.calls import Call
from judge.problems.challenge import Challenge
from judge.runner.sandbox import ProcessSandbox
from judge.runner.spares import Spares

Mode = Literal["test", "run"]
#: Submissions allowed to wait behind the one being judged.
MAX_WAITING = 16
#: What the history calls code judged from the page (the CLI records the file's path).
HISTORY_FILE = "(judge serve)"


class Busy(JudgeError):
    """Too many submissions are waiting."""


class Cancelled(Exception):
    """The client went away, or the server is stopping: stop judging at the next event."""


@dataclass(frozen=True)
class Submission:
    challenge: Challenge
    source: Source
    #: "test": the sample tests (and the learner's own call), as ``judge test``; "run": every test, as ``judge run``.
    mode: Mode
    #: The learner's own calls (mode "test"): visible tests custom-1, ... answered by the reference too.
    custom: tuple[Call, ...] = ()


def options_for(submission: Submission, sandbox: ProcessSandbox, spares: Spares | None) -> Options:
    """The engine's options for the page's Run and Submit: those of ``judge test`` and ``judge run``."""
    if submission.mode == "run":
        return Options(sandbox=sandbox, search_s=DEFAULT_SEARCH_S, check_state=True, spares=spares)
    # Each sample is timed once and not compared with the reference: on inputs this small
    # the ratio is noise, and Run is for a fast verdict. The samples always run, then the
    # learner's own call (the CLI's --input runs only the call).
    return Options(
        sandbox=sandbox,
        tests="samples",
        custom=list(submission.custom),
        repeat=False,
        compare_reference=False,
        check_state=True,
        spares=spares,
    )


@dataclass(frozen=True)
class Judged:
    report: Report
    #: Why the attempt is not in the history (None: it is, or recording is off).
    history_warning: str | None = None


def run_submission(submission: Submission, sandbox: ProcessSandbox, spares: Spares | None, on_event: EventFn) -> Judged:
    """Judge one submission as the CLI would, in the same sandbox, and add it to the history."""
    report = judge(submission.challenge, submission.source, options_for(submission, sandbox, spares), on_event)
    try:
        history.record(report, submission.source.data, HISTORY_FILE)
    except history.HistoryError as exc:
        return Judged(report, f"the attempt was not added to the history ({exc})")
    return Judged(report)


class Judges:
    """The queue and its one worker."""

    def __init__(
        self,
        sandbox: ProcessSandbox,
        run: Callable[[Submission, ProcessSandbox, Spares | None, EventFn], Judged] = run_submission,
        warm: bool = True,
    ) -> None:
        self.sandbox = sandbox
        self._run = run
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judge-web")
        #: A started child kept ready on the worker thread (the one its --die-with-parent watches).
        self.spares = Spares(sandbox) if warm else None
        if self.spares is not None:
            self._executor.submit(self.spares.fill)
        self._lock = threading.Lock()
        self._pending = 0
        self._stopping = threading.Event()

    @property
    def pending(self) -> int:
        """Submissions waiting or being judged."""
        return self._pending

    def submit(self, submission: Submission, on_event: EventFn) -> tuple[Future[Judged], int]:
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

        future = self._executor.submit(self._run, submission, self.sandbox, self.spares, listen)
        future.add_done_callback(self._done)
        return future, ahead

    def _done(self, _: Future[Judged]) -> None:
        with self._lock:
            self._pending -= 1

    def close(self) -> None:
        """Stop: drop what waits, stop what runs at its next test."""
        self._stopping.set()
        self._executor.shutdown(wait=False, cancel_futures=True)
        if self.spares is not None:
            self.spares.close()  # kills the spare child; a closed Spares starts no other


async def stream(judges: Judges, submission: Submission) -> AsyncIterator[tuple[str, dict[str, Any]]]:
    """The judgment as (event name, data) pairs: queued?, started, calibrating*, test*, then report or error."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
    gone = threading.Event()

    def on_event(event: Event) -> None:
        if gone.is_set():
            raise Cancelled
        loop.call_soon_threadsafe(queue.put_nowait, ("event", event))

    def finished(future: Future[Judged]) -> None:
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
                judged = item.result()
                yield "report", {"report": judged.report, "history_warning": judged.history_warning}
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
    if isinstance(event, Explaining):
        return "explaining", {"step": event.step, "text": event.text}
    return None
