"""Starting the child as a plain process: its own session, a clean environment, a fresh folder.

``ProcessSandbox`` works on any POSIX system: its own session, rlimits (set by the
harness before solution code runs), a cleared environment, ``python -I``, a fresh
working folder, stdin from /dev/null, and a SIGKILL of the whole process group through a
pidfd. Where this judge may use cgroups, the child also gets a cgroup of its own that
charges and bounds its whole process tree, and where the kernel allows, a system-call
filter. On its own this level does NOT isolate: the solution can read whatever the
judge's user can read. ``judge.runner.bwrap`` adds the namespaces that do.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import IO

from judge.model.errors import JudgeError
from judge.model.report import Isolation
from judge.runner.cgroup import Box, Support
from judge.runner.meter import BoxMeter, Meter, ProcessMeter


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
        # glibc keeps up to 64 MiB of freed memory for reuse (and serves blocks under
        # 32 MiB from it) instead of returning it at once: a test is then timed on its
        # own work, not on page faults for memory the previous test gave back, which
        # otherwise depend on how that test's buffers happened to be sized.
        "MALLOC_MMAP_THRESHOLD_": str(32 << 20),
        "MALLOC_TRIM_THRESHOLD_": str(64 << 20),
    }


def make_judge_undumpable() -> None:
    """PR_SET_DUMPABLE=0: a same-user process can no longer read our /proc/<pid>/fd, mem or environ."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE
    except (OSError, AttributeError):
        pass


def pidfd(pid: int) -> int | None:
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def sigkill(fd: int | None, pid: int) -> None:
    """SIGKILL through a pidfd when we have one, so a recycled pid is never hit."""
    try:
        if fd is not None:
            signal.pidfd_send_signal(fd, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass


def close_fd(fd: int | None) -> None:
    """Close a descriptor we may hold (None: nothing to close)."""
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass


class SandboxError(JudgeError):
    """The sandbox could not be set up for a child: the machine's fault, never the solution's."""


class SandboxedProcess:
    """A started child, and what the judge needs to watch it and end it."""

    def __init__(self, popen: subprocess.Popen[bytes], workdir: str | None = None, box: Box | None = None) -> None:
        self.popen = popen
        #: The child's fresh working folder on the host, removed when it ends (process level only).
        self.workdir = workdir
        self.pidfd = pidfd(popen.pid)
        #: The child's cgroup, when this machine gives it one.
        self.box = box
        self.meter: Meter | None = None

    @property
    def stderr(self) -> IO[bytes] | None:
        return self.popen.stderr

    @property
    def returncode(self) -> int | None:
        return self.popen.returncode

    def poll(self) -> int | None:
        return self.popen.poll()

    def wait(self, timeout: float | None = None) -> int:
        return self.popen.wait(timeout)

    def target_pid(self) -> int | None:
        """The pid whose process is the solution's."""
        return self.popen.pid

    def ready(self) -> Meter | None:
        """Put the child in its cgroup (before it runs any solution code) and return its meter.

        None when the child is gone. Raises SandboxError when the cgroup refuses it.
        """
        if self.meter is not None:
            return self.meter
        pid = self.target_pid()
        if pid is None:
            return None
        if self.box is not None:
            try:
                self.box.attach(pid)
            except OSError as exc:
                raise SandboxError(f"cannot move the child into its cgroup ({exc.strerror or exc})") from None
            self.meter = BoxMeter(self.box)
        else:
            self.meter = ProcessMeter(pid)
        return self.meter

    def kill(self) -> None:
        """Kill the whole process group (and cgroup) and clean up; safe to call twice."""
        try:
            os.killpg(self.popen.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        sigkill(self.pidfd, self.popen.pid)
        if self.box is not None:
            self.box.kill()
        self.popen.wait()
        close_fd(self.pidfd)
        self.pidfd = None
        if self.box is not None:
            self.box.remove()
            self.box = None
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None


PROCESS_LEVEL = Isolation(
    level="process",
    isolated=False,
    features=["own session", "rlimits", "clean environment", "python -I", "fresh working folder"],
    missing=["filesystem, network and PID isolation: Linux namespaces (bubblewrap) are not in use"],
)


class ProcessSandbox:
    """A child in its own session with rlimits and a clean environment; no isolation."""

    #: Rlimits this level adds to the session's (set by the harness at load).
    rlimits: dict[str, int] = {}

    def __init__(
        self, isolation: Isolation = PROCESS_LEVEL, cgroups: Support | None = None, seccomp: bytes | None = None
    ) -> None:
        self._isolation = isolation
        #: Proves the isolation again for the problem sets in use now (set by best_sandbox).
        self.prover: Callable[[], Isolation] | None = None
        #: Where each child's cgroup is made (None: no cgroups).
        self.cgroups = cgroups
        #: The system-call filter the harness installs before the solution runs (None: none).
        self.seccomp = seccomp
        make_judge_undumpable()

    @property
    def isolation(self) -> Isolation:
        """What this sandbox achieves, proven for every problem set registered so far."""
        return self.prover() if self.prover is not None else self._isolation

    def box(self) -> Box | None:
        """A fresh cgroup for one child, or None without cgroups."""
        if self.cgroups is None:
            return None
        try:
            return Box(self.cgroups)
        except OSError as exc:
            raise SandboxError(f"cannot create a cgroup for the child ({exc.strerror or exc})") from None

    def spawn(self, argv: list[str], pass_fds: tuple[int, ...]) -> SandboxedProcess:
        workdir = tempfile.mkdtemp(prefix="judge-")
        box = self.box()
        try:
            popen = subprocess.Popen(
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
        except BaseException:
            if box is not None:
                box.remove()
            shutil.rmtree(workdir, ignore_errors=True)
            raise
        return SandboxedProcess(popen, workdir, box)
