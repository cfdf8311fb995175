"""How the child process is started and contained.

This module holds the isolation levels. ``ProcessSandbox`` is the floor that
works on any POSIX system: its own session, rlimits (set by the harness before
solution code runs), a cleared environment, ``python -I``, a fresh working
folder, stdin from /dev/null, and a kill of the whole process group. On its own
it does NOT isolate: the solution can read whatever the judge's user can read.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Isolation:
    """What containment a run achieved, for both reports."""

    level: str
    #: True only when the solution cannot read the answers, reach the network or outlive the run.
    isolated: bool
    #: What is missing, each with why.
    missing: list[str] = field(default_factory=list)
    #: What is in force.
    features: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "isolated": self.isolated, "features": self.features, "missing": self.missing}


def child_env(workdir: str) -> dict[str, str]:
    """The whole environment the child sees: nothing of the operator's."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": workdir,
        "TMPDIR": workdir,
        # One thread each, so timings are stable and comparable.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NUMEXPR_NUM_THREADS": "1",
        "VECLIB_MAXIMUM_THREADS": "1",
    }


class ProcessSandbox:
    """A child in its own session with rlimits and a clean environment; no isolation."""

    isolation = Isolation(
        level="process",
        isolated=False,
        features=["own session", "rlimits", "clean environment", "python -I", "fresh working folder"],
        missing=["filesystem, network and PID isolation: Linux namespaces (bubblewrap) are not in use"],
    )

    def spawn(self, argv: list[str], pass_fds: tuple[int, ...]) -> subprocess.Popen[bytes]:
        workdir = tempfile.mkdtemp(prefix="judge-")
        proc = subprocess.Popen(
            argv,
            cwd=workdir,
            env=child_env(workdir),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            pass_fds=pass_fds,
            start_new_session=True,
            close_fds=True,
        )
        proc.workdir = workdir  # type: ignore[attr-defined]
        return proc

    def target_pid(self, proc: subprocess.Popen[bytes]) -> int | None:
        """The pid whose CPU clock and memory are the solution's."""
        return proc.pid

    def kill(self, proc: subprocess.Popen[bytes]) -> None:
        """Kill the whole process group and clean up; safe to call twice."""
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            proc.kill()
        except ProcessLookupError:
            pass
        proc.wait()
        shutil.rmtree(getattr(proc, "workdir", ""), ignore_errors=True)


def best_sandbox() -> ProcessSandbox:
    """The strongest sandbox this machine supports."""
    return ProcessSandbox()
