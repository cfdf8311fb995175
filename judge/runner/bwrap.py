"""The child inside bubblewrap: its own filesystem, PID, network, IPC and UTS namespaces.

The sandbox's root holds only what the Python runtime needs, read-only: the system's
``bin`` and ``lib`` folders (not all of ``/usr``: not ``/usr/src``, ``/usr/share``...),
the Python installation's ``bin`` and ``lib``, size-capped tmpfs folders for ``/tmp`` and
``/dev/shm``, a fresh ``/proc`` in a new PID namespace (every process dies with the
solution), no network and no capabilities. Every secret of ``judge.runner.hidden`` that
lies under a bound folder is covered by an empty tmpfs. When the judge runs as root,
the solution runs as uid 65534 (setpriv), with no capability left at all.
"""

from __future__ import annotations

import functools
import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

from judge.model.report import Isolation
from judge.runner import hidden
from judge.runner.cgroup import Box, Support
from judge.runner.process import (
    PROCESS_LEVEL,
    ProcessSandbox,
    SandboxedProcess,
    child_env,
    close_fd,
    pidfd,
    sigkill,
)

#: The uid and gid a root judge drops the solution to (nobody/nogroup).
NOBODY = 65534
#: Size caps of the sandbox's writable tmpfs folders.
TMP_BYTES = 64 * 1024 * 1024
SHM_BYTES = 16 * 1024 * 1024
#: Processes and threads the sandbox uid may have (per uid, so generous: sandboxes share it).
NPROC = 512
#: Where bubblewrap and setpriv live when $PATH (a cron job's, a CI runner's) does not say.
FIXED_PATHS = ("/usr/bin", "/bin", "/usr/local/bin", "/usr/sbin", "/sbin")
#: The system folders a Python runtime needs: its interpreter, shared libraries, time zones.
SYSTEM_BINDS = (
    "/usr/bin",
    "/usr/lib",
    "/usr/lib64",
    "/usr/lib32",
    "/usr/libx32",
    "/usr/local/bin",
    "/usr/local/lib",
    "/usr/share/zoneinfo",
)


def find_tool(name: str) -> str | None:
    """A program on $PATH, else at its usual fixed paths."""
    found = shutil.which(name)
    if found:
        return found
    for folder in FIXED_PATHS:
        path = os.path.join(folder, name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def _under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def runtime_binds() -> list[Path]:
    """The folders bound read-only into the sandbox: system libraries and the Python installation."""
    return list(_runtime_binds())


@functools.cache
def _runtime_binds() -> tuple[Path, ...]:
    binds: list[Path] = []

    def add(path: Path) -> None:
        if path.is_dir() and not path.is_symlink() and not any(_under(path, b) for b in binds):
            binds[:] = [b for b in binds if not _under(b, path)] + [path]

    for folder in SYSTEM_BINDS:
        add(Path(folder))
    for top in ("/bin", "/lib", "/lib64"):  # a system without merged /usr
        add(Path(top))
    prefixes = {sys.base_prefix, sys.prefix, str(Path(sys.executable).resolve().parent.parent)}
    for prefix in sorted(prefixes):
        base = Path(prefix).resolve()
        for name in ("bin", "lib", "lib64"):
            add((base / name).resolve() if (base / name).is_dir() else base / name)
    add(Path(sys.executable).resolve().parent)
    return tuple(binds)


def _venv_files() -> list[Path]:
    """pyvenv.cfg of a virtual environment: without it python would not find the venv's packages."""
    cfg = Path(sys.prefix).resolve() / "pyvenv.cfg"
    return [cfg] if cfg.is_file() else []


def bwrap_argv(bwrap: str, as_root: bool, info_fd: int) -> list[str]:
    """The bubblewrap command line up to (not including) the command it runs."""
    head, tail = _argv(bwrap, as_root, tuple(runtime_binds()), hidden.secrets())
    return [*head, str(info_fd), *tail]


@functools.lru_cache(maxsize=16)
def _argv(
    bwrap: str, as_root: bool, binds: tuple[Path, ...], secrets: frozenset[Path]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The command line around the --info-fd number, built once per set of binds and secrets."""
    argv = [
        bwrap,
        "--unshare-pid",
        "--unshare-net",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        "--as-pid-1",
        "--info-fd",
    ]
    head: list[str] = argv
    argv = []
    if not as_root:
        argv += ["--unshare-user"]
    made: set[Path] = {Path("/")}

    def parents_of(path: Path) -> None:
        # Parents are made world-traversable: /root is 0700 on the host.
        for parent in reversed(path.parents):
            if parent not in made:
                made.add(parent)
                argv.extend(["--perms", "0755", "--dir", str(parent)])

    system = [b for b in binds if _under(b, Path("/usr")) or b.parent == Path("/")]
    for b in system:
        parents_of(b)
        argv.extend(["--ro-bind", str(b), str(b)])
    for name in ("bin", "lib", "lib64", "sbin"):
        top = Path("/") / name
        if top.is_symlink():
            argv.extend(["--symlink", os.readlink(top), str(top)])
    # The fresh filesystems come before the Python binds: bwrap applies its steps in
    # order, and a tmpfs on /tmp mounted later would hide a venv that lives under /tmp.
    argv += ["--proc", "/proc", "--dev", "/dev"]
    argv += ["--perms", "1777", "--size", str(TMP_BYTES), "--tmpfs", "/tmp"]
    argv += ["--perms", "1777", "--size", str(SHM_BYTES), "--tmpfs", "/dev/shm"]
    made |= {Path("/tmp"), Path("/dev"), Path("/proc")}
    for b in [*[b for b in binds if b not in system], *_venv_files()]:
        parents_of(b)
        argv.extend(["--ro-bind", str(b), str(b)])
    lib64 = Path(sys.prefix).resolve() / "lib64"
    if lib64.is_symlink():  # a venv's lib64 -> lib
        argv.extend(["--symlink", os.readlink(lib64), str(lib64)])
    covers = hidden.masks(list(binds), secrets)
    for masked in covers:
        argv.extend(["--perms", "0000", "--tmpfs", str(masked)])
    for masked in covers:
        argv.extend(["--remount-ro", str(masked)])
    argv += ["--chdir", "/tmp"]
    for key, value in child_env("/tmp").items():
        argv.extend(["--setenv", key, value])
    if as_root:
        # Root keeps every capability inside bwrap by default and could unmount the masks;
        # keep only what setpriv needs to drop to nobody, and setpriv drops those too.
        argv += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP"]
    else:
        argv += ["--cap-drop", "ALL"]
    argv += ["--"]
    return tuple(head), tuple(argv)


def _setpriv(setpriv: str) -> list[str]:
    return [
        setpriv,
        f"--reuid={NOBODY}",
        f"--regid={NOBODY}",
        "--clear-groups",
        "--bounding-set=-all",
        "--inh-caps=-all",
        "--no-new-privs",
    ]


class BwrapProcess(SandboxedProcess):
    """A child inside bubblewrap: its pid in our namespace arrives on bwrap's --info-fd."""

    def __init__(self, popen: subprocess.Popen[bytes], info_fd: int, box: Box | None = None) -> None:
        super().__init__(popen, box=box)
        self.info_fd: int | None = info_fd
        self.inner_pid: int | None = None
        self.inner_pidfd: int | None = None

    def target_pid(self) -> int | None:
        """The sandboxed python's pid in our namespace, as bwrap reports it."""
        if self.inner_pid is not None:
            return self.inner_pid
        fd = self.info_fd
        if fd is None:
            return None
        data = b""
        pid = None
        try:
            while pid is None and select.select([fd], [], [], 5.0)[0]:
                chunk = os.read(fd, 4096)
                if not chunk:
                    break
                data += chunk
                try:
                    pid = int(json.loads(data)["child-pid"])
                except (ValueError, KeyError, TypeError):
                    continue
        except OSError:
            pass
        close_fd(self.info_fd)
        self.info_fd = None
        if pid is not None:
            self.inner_pid, self.inner_pidfd = pid, pidfd(pid)
        return pid

    def kill(self) -> None:
        """SIGKILL the sandbox's pid 1: the kernel then ends every process in its namespace."""
        if self.inner_pid is None and self.popen.poll() is None:
            self.target_pid()
        if self.inner_pid is not None:
            sigkill(self.inner_pidfd, self.inner_pid)
            close_fd(self.inner_pidfd)
            self.inner_pidfd = None
        close_fd(self.info_fd)
        self.info_fd = None
        super().kill()


class BwrapSandbox(ProcessSandbox):
    """The child inside bubblewrap: its own filesystem, PID and network namespaces."""

    rlimits = {"RLIMIT_NPROC": NPROC}

    def __init__(
        self,
        bwrap: str,
        setpriv: str | None,
        isolation: Isolation = PROCESS_LEVEL,
        cgroups: Support | None = None,
        seccomp: bytes | None = None,
    ) -> None:
        super().__init__(isolation, cgroups, seccomp)
        self.bwrap = bwrap
        self.setpriv = setpriv

    def command(self, argv: list[str], info_fd: int) -> list[str]:
        prefix = bwrap_argv(self.bwrap, self.setpriv is not None, info_fd)
        if self.setpriv is not None:
            prefix += _setpriv(self.setpriv)
        return prefix + argv

    def spawn(self, argv: list[str], pass_fds: tuple[int, ...]) -> SandboxedProcess:
        info_r, info_w = os.pipe()
        box = self.box()
        try:
            popen = subprocess.Popen(
                self.command(argv, info_w),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env={"PATH": "/usr/bin:/bin"},
                pass_fds=(*pass_fds, info_w),
                start_new_session=True,
                close_fds=True,
            )
        except BaseException:
            os.close(info_r)
            if box is not None:
                box.remove()
            raise
        finally:
            os.close(info_w)
        return BwrapProcess(popen, info_r, box)
