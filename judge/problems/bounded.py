"""The reference's answer to a learner's own input, computed with limits.

The reference is trusted code, but a learner's input is not: ``time_series_split`` given
``n_samples = 10**12`` would try to build a trillion indices, in the judge's own process,
and a `judge serve` page would stop answering. So the reference answers such a call in
a forked copy of this process, with a wall-clock deadline and an address-space limit, and
only its answer (as the harness's JSON text) comes back. Over a limit, the call is a
one-line usage error that asks for a smaller input.
"""

from __future__ import annotations

import json
import math
import os
import resource
import select
import signal
import time
from pathlib import Path
from typing import Any

from judge.model.errors import ChallengeError, JudgeError
from judge.problems.testcase import TestCase
from judge.problems.testdata import reference_answer
from judge.runner.harness import decode, to_json

#: How long the reference may take on a learner's own call (wall clock, seconds).
WALL_S = 10.0
#: How much memory it may add to what this process already maps.
MEMORY_BYTES = 2 * 1024**3
#: Exceptions that mean the limits stopped the reference, not that the call is invalid.
LIMITS = ("MemoryError", "RecursionError")


def answer(func: Any, case: TestCase, path: Path, wall_s: float = WALL_S) -> tuple[Any, str | None]:
    """(expected value, raised exception name) of the reference on ``case``, within the limits."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        _child(func, case, path, write_fd, wall_s)
    os.close(write_fd)
    try:
        data = _read(read_fd, pid, wall_s)
    finally:
        os.close(read_fd)
    try:
        reply = json.loads(data)
    except ValueError:
        reply = {}
    if "json" in reply:
        return decode(reply["json"]), None
    if reply.get("raised") not in (None, *LIMITS):
        return None, reply["raised"]
    if "error" in reply:
        raise ChallengeError(path, reply["error"], test=case.name)
    raise JudgeError(_too_big(f"ran out of memory ({MEMORY_BYTES >> 30} GiB) or recursion depth"))


def _child(func: Any, case: TestCase, path: Path, write_fd: int, wall_s: float) -> None:
    try:
        mapped = _mapped_bytes()
        resource.setrlimit(resource.RLIMIT_AS, (mapped + MEMORY_BYTES, mapped + MEMORY_BYTES))
        cpu = math.ceil(wall_s) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        try:
            value, raised = reference_answer(func, case, path)
            reply: dict[str, Any] = {"raised": raised} if raised else {"json": to_json(value)}
        except ChallengeError as exc:
            reply = {"error": exc.reason}
        except MemoryError:
            reply = {"raised": "MemoryError"}
        data = json.dumps(reply).encode()
        while data:
            data = data[os.write(write_fd, data) :]
    finally:
        os._exit(0)


def _read(fd: int, pid: int, wall_s: float) -> bytes:
    """Everything the child writes, or a JudgeError when it takes longer than ``wall_s``."""
    deadline = time.monotonic() + wall_s
    chunks: list[bytes] = []
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise JudgeError(_too_big(f"did not answer within {wall_s:g} s"))
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)


def _mapped_bytes() -> int:
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _too_big(what: str) -> str:
    return f"the reference {what} on your input; give a smaller one (your own calls are for small cases)"
