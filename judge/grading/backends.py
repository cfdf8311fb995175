"""Where the judgments of a gradebook run: a local process pool, or a Dask cluster.

Both run the same function, ``judge_bytes``, on a submission's bytes with budgets
calibrated once by the parent, and both yield (submission, report or error) as
each judgment finishes. Each judgment still runs its solution in the sandbox of
the machine that judges it. A worker that dies (a judge bug, the OOM killer, a
hostile submission that kills its parent) costs only the submission that killed
it: the others are judged again in a fresh pool, and the suspects one at a time.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from judge.grading.submissions import Submission
from judge.judging.engine import Options, judge
from judge.model.errors import JudgeError
from judge.model.report import Report
from judge.model.source import Source
from judge.problems.challenge import Challenge
from judge.problems.testcase import TestCase
from judge.runner import sandbox as sandboxes

#: Appended one line per judgment started (the submission's name), when set: an audit trail.
TRACE_ENV = "JUDGE_GRADE_TRACE"
WORKER_DIED = "the judge's worker process died while judging this submission"


class NotIsolated(Exception):
    """This machine cannot isolate a submission, and the grader did not allow running it anyway."""


def judge_bytes(
    challenge: Challenge, budgets: dict[str, float], name: str, data: bytes, require_isolation: bool = True
) -> Report:
    """Judge one submission with fixed budgets, in this machine's strongest sandbox.

    With ``require_isolation``, a machine that cannot isolate it does not run it (NotIsolated).
    """
    sandbox = sandboxes.best_sandbox()
    if require_isolation and not sandbox.isolation.isolated:
        raise NotIsolated(
            f"not judged: this machine cannot isolate the submission ({'; '.join(sandbox.isolation.missing)}); "
            "install bubblewrap there, or pass --allow-unisolated"
        )
    trace = os.environ.get(TRACE_ENV)
    if trace:
        with open(trace, "a", encoding="utf-8") as f:
            f.write(name + "\n")
    return judge(challenge, Source(name, data), Options(budgets=budgets, sandbox=sandbox))


def failure(exc: BaseException, where: str = "") -> str:
    """The error column of a submission the judge failed on."""
    if isinstance(exc, NotIsolated):
        return str(exc)
    return f"the judge failed{where}: {type(exc).__name__}: {exc}"


# -- a local pool -------------------------------------------------------------


@dataclass
class _Installed:
    """What a pool worker judges with, set once by the pool's initializer."""

    challenge: Challenge | None = None
    budgets: dict[str, float] = field(default_factory=dict)
    require_isolation: bool = True


_WORKER = _Installed()

JudgeFn = Callable[[str, bytes], Report]


def _install(challenge: Challenge, budgets: dict[str, float], require_isolation: bool) -> None:
    _WORKER.challenge, _WORKER.budgets, _WORKER.require_isolation = challenge, budgets, require_isolation


def judge_in_worker(name: str, data: bytes) -> Report:
    assert _WORKER.challenge is not None, "the pool's initializer did not run"
    return judge_bytes(_WORKER.challenge, _WORKER.budgets, name, data, _WORKER.require_isolation)


class LocalPool:
    """``jobs`` worker processes on this machine, each judging one submission at a time."""

    def __init__(
        self,
        challenge: Challenge,
        budgets: dict[str, float],
        jobs: int,
        fn: JudgeFn = judge_in_worker,
        *,
        require_isolation: bool = True,
    ):
        challenge.tests  # noqa: B018 - computed once here, inherited by every worker
        self.challenge, self.budgets, self.jobs, self.fn = challenge, budgets, max(1, jobs), fn
        self.require_isolation = require_isolation

    def _pool(self, workers: int) -> ProcessPoolExecutor:
        # fork: workers inherit the loaded challenge and its tests instead of recomputing them.
        return ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_install,
            initargs=(self.challenge, self.budgets, self.require_isolation),
        )

    def __call__(self, submissions: list[Submission]) -> Iterator[tuple[Submission, Report | str]]:
        queue = deque(submissions)
        while queue:
            suspects: list[Submission] = []
            pool = self._pool(self.jobs)
            inflight: dict[Future[Report], Submission] = {}
            broken = False
            try:
                while (queue or inflight) and not broken:
                    while queue and len(inflight) < self.jobs * 2:
                        sub = queue.popleft()
                        try:
                            inflight[pool.submit(self.fn, sub.name, sub.data)] = sub
                        except BrokenProcessPool:  # broken by one in flight; this one is innocent
                            queue.appendleft(sub)
                            broken = True
                            break
                    if broken:
                        break
                    done, _ = wait(inflight, return_when=FIRST_COMPLETED)
                    for future in done:
                        sub = inflight.pop(future)
                        try:
                            yield sub, future.result()
                        except BrokenProcessPool:
                            suspects.append(sub)
                            broken = True
                        except Exception as exc:  # a judge bug on one submission must not stop the class
                            yield sub, failure(exc)
                # Everything still in flight when the pool broke is a suspect.
                suspects.extend(inflight.values())
            finally:
                pool.shutdown(wait=not inflight, cancel_futures=True)
                inflight.clear()
            for sub in suspects:  # which of them broke the pool? Judge each alone to know.
                yield sub, self._alone(sub)

    def _alone(self, sub: Submission) -> Report | str:
        pool = self._pool(1)
        try:
            return pool.submit(self.fn, sub.name, sub.data).result()
        except BrokenProcessPool:
            return WORKER_DIED
        except Exception as exc:
            return failure(exc)
        finally:
            pool.shutdown(wait=True)


# -- a Dask cluster -----------------------------------------------------------


@dataclass
class Bundle:
    """A challenge as shipped to a remote worker: its files and its tests (answers included)."""

    id: str
    digest: str
    origin: str
    reference: str
    files: dict[str, bytes]
    tests: list[TestCase]

    @classmethod
    def of(cls, challenge: Challenge) -> Bundle:
        files = {
            p.relative_to(challenge.path).as_posix(): p.read_bytes()
            for p in challenge.path.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        ref = challenge.reference_path
        reference = ref.read_bytes() if ref.is_file() else b""
        return cls(
            challenge.id,
            challenge.digest,
            challenge.origin,
            reference.decode("utf-8", "replace"),
            files,
            challenge.tests,
        )

    def challenge(self) -> Challenge:
        """The challenge unpacked in a folder of this machine (once per process)."""
        cached = _UNPACKED.get(self.digest)
        if cached is not None:
            return cached
        root = Path(tempfile.mkdtemp(prefix=f"judge-{self.id}-{self.digest}-"))
        path, solutions = root / "challenges" / self.id, root / "solutions" / self.id
        for rel, data in self.files.items():
            (path / rel).parent.mkdir(parents=True, exist_ok=True)
            (path / rel).write_bytes(data)
        challenge = Challenge(self.id, path, solutions, self.origin)
        (solutions / "accepted").mkdir(parents=True)
        challenge.reference_path.write_text(self.reference, encoding="utf-8")
        challenge.__dict__["tests"] = self.tests  # the parent's tests, not recomputed: same gradebook
        challenge.__dict__["digest"] = self.digest
        _UNPACKED[self.digest] = challenge
        return challenge


_UNPACKED: dict[str, Challenge] = {}


def judge_remote(bundle: Bundle, budgets: dict[str, float], name: str, data: bytes, require_isolation: bool) -> Report:
    return judge_bytes(bundle.challenge(), budgets, name, data, require_isolation)


class DaskCluster:
    """Judgments sent to a ``dask.distributed`` scheduler; its workers must have the judge installed."""

    def __init__(
        self, address: str, challenge: Challenge, budgets: dict[str, float], *, require_isolation: bool = True
    ) -> None:
        try:
            from distributed import Client  # deferred: Dask is an optional extra, slow to import
        except ImportError:
            raise JudgeError("--scheduler needs Dask: pip install 'judge[cluster]'") from None
        try:
            self.client = Client(address, timeout="10s")
        except OSError as exc:
            raise JudgeError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.challenge, self.budgets, self.require_isolation = challenge, budgets, require_isolation

    def close(self) -> None:
        self.client.close()

    def __call__(self, submissions: list[Submission]) -> Iterator[tuple[Submission, Report | str]]:
        from distributed import as_completed  # deferred: Dask is an optional extra, slow to import

        bundle = self.client.scatter(Bundle.of(self.challenge), broadcast=True)
        futures = {
            self.client.submit(
                judge_remote,
                bundle,
                self.budgets,
                s.name,
                s.data,
                self.require_isolation,
                pure=False,
                key=f"judge-{i}-{s.name}",
            ): s
            for i, s in enumerate(submissions)
        }
        try:
            for future in as_completed(futures):
                sub = futures[future]
                try:
                    yield sub, future.result()
                except Exception as exc:  # KilledWorker and friends: recorded, the rest go on
                    yield sub, failure(exc, " on the cluster")
        finally:
            self.client.cancel(list(futures))
