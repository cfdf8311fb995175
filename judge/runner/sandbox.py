"""How the child process is started and contained.

Two levels, the strongest that a probe run proves to work is used:

``ProcessSandbox`` works on any POSIX system: its own session, rlimits (set by
the harness before solution code runs), a cleared environment, ``python -I``,
a fresh working folder, stdin from /dev/null, and a SIGKILL of the whole
process group through a pidfd. On its own it does NOT isolate: the solution
can read whatever the judge's user can read.

``BwrapSandbox`` runs the same child inside bubblewrap: a minimal root (only
/usr and the Python installation, read-only, with the judge package masked),
size-capped tmpfs for /tmp, a fresh /proc in a new PID namespace (every
process dies with the solution), no network, no capabilities, and, when the
judge runs as root, an unprivileged uid (65534). See docs/isolation.md.
"""

from __future__ import annotations

import ctypes
import functools
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
from pathlib import Path
from typing import IO

from judge.model.report import Isolation

#: The uid and gid a root judge drops the solution to (nobody/nogroup).
NOBODY = 65534
#: Size caps of the sandbox's writable tmpfs folders.
TMP_BYTES = 64 * 1024 * 1024
SHM_BYTES = 16 * 1024 * 1024
#: Processes and threads the sandbox uid may have (per uid, so generous: sandboxes share it).
NPROC = 512
#: How long the once-per-process probe may take.
PROBE_TIMEOUT_S = 10.0


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


def make_judge_undumpable() -> None:
    """PR_SET_DUMPABLE=0: a same-user process can no longer read our /proc/<pid>/fd, mem or environ."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE
    except (OSError, AttributeError):
        pass


def _pidfd(pid: int) -> int | None:
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def _sigkill(pidfd: int | None, pid: int) -> None:
    """SIGKILL through a pidfd when we have one, so a recycled pid is never hit."""
    try:
        if pidfd is not None:
            signal.pidfd_send_signal(pidfd, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass


class SandboxedProcess:
    """A started child, and what the judge needs to watch it and end it."""

    def __init__(self, popen: subprocess.Popen[bytes], workdir: str | None = None) -> None:
        self.popen = popen
        #: The child's fresh working folder on the host, removed when it ends (process level only).
        self.workdir = workdir
        self.pidfd = _pidfd(popen.pid)

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
        """The pid whose CPU clock and memory are the solution's."""
        return self.popen.pid

    def kill(self) -> None:
        """Kill the whole process group and clean up; safe to call twice."""
        try:
            os.killpg(self.popen.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        _sigkill(self.pidfd, self.popen.pid)
        self.popen.wait()
        _close(self.pidfd)
        self.pidfd = None
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None


def _close(fd: int | None) -> None:
    """Close a descriptor we may hold (None: nothing to close)."""
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass


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

    def __init__(self, isolation: Isolation = PROCESS_LEVEL) -> None:
        self.isolation = isolation
        make_judge_undumpable()

    def spawn(self, argv: list[str], pass_fds: tuple[int, ...]) -> SandboxedProcess:
        workdir = tempfile.mkdtemp(prefix="judge-")
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
        return SandboxedProcess(popen, workdir)


# -- bubblewrap ---------------------------------------------------------------


def _masked_paths() -> list[Path]:
    """What the solution must never read: the judge package (and its _data) and the built-in problem set."""
    package = Path(__file__).resolve().parent.parent
    paths = [package]
    # An editable install runs the checkout but leaves a judge/ (with _data) in site-packages.
    for key in ("purelib", "platlib"):
        for base in {sys.prefix, sys.base_prefix}:
            installed = Path(sysconfig.get_path(key, vars={"base": base, "platbase": base})) / "judge"
            if installed.is_dir() and installed.resolve() not in paths:
                paths.append(installed.resolve())
    checkout = package.parent
    for name in ("challenges", "solutions"):
        if (checkout / name).is_dir():
            paths.append(checkout / name)
    return paths


def _under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def bwrap_argv(bwrap: str, as_root: bool, info_fd: int) -> list[str]:
    """The bubblewrap command line up to (not including) the command it runs."""
    binds: list[Path] = [Path("/usr")]
    for prefix in {sys.base_prefix, sys.prefix, str(Path(sys.executable).resolve().parent.parent)}:
        p = Path(prefix).resolve()
        if not any(_under(p, b) for b in binds):
            binds.append(p)
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
        str(info_fd),
    ]
    if not as_root:
        argv += ["--unshare-user"]
    argv += ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "lib", "lib64", "sbin"):
        top = Path("/") / name
        if top.is_symlink():
            argv += ["--symlink", os.readlink(top), str(top)]
        elif top.is_dir():
            argv += ["--ro-bind", str(top), str(top)]
    # The fresh filesystems come before the Python binds: bwrap applies its steps in
    # order, and a tmpfs on /tmp mounted later would hide a venv that lives under /tmp.
    argv += [
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--perms",
        "1777",
        "--size",
        str(TMP_BYTES),
        "--tmpfs",
        "/tmp",
        "--perms",
        "1777",
        "--size",
        str(SHM_BYTES),
        "--tmpfs",
        "/dev/shm",
    ]
    made: set[Path] = {Path("/"), Path("/tmp"), Path("/dev")}
    for b in binds[1:]:
        # Parents are made world-traversable: /root is 0700 on the host.
        for parent in reversed(b.parents):
            if parent not in made:
                made.add(parent)
                argv += ["--perms", "0755", "--dir", str(parent)]
        argv += ["--ro-bind", str(b), str(b)]
    for masked in _masked_paths():
        if any(_under(masked, b) for b in binds):
            argv += ["--perms", "0000", "--tmpfs", str(masked), "--remount-ro", str(masked)]
    argv += ["--chdir", "/tmp"]
    for key, value in child_env("/tmp").items():
        argv += ["--setenv", key, value]
    if as_root:
        # Root keeps every capability inside bwrap by default and could unmount the masks;
        # keep only what setpriv needs to drop to nobody, and setpriv drops those too.
        argv += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP"]
    else:
        argv += ["--cap-drop", "ALL"]
    argv += ["--"]
    return argv


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

    def __init__(self, popen: subprocess.Popen[bytes], info_fd: int) -> None:
        super().__init__(popen)
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
        _close(self.info_fd)
        self.info_fd = None
        if pid is not None:
            self.inner_pid, self.inner_pidfd = pid, _pidfd(pid)
        return pid

    def kill(self) -> None:
        """SIGKILL the sandbox's pid 1: the kernel then ends every process in its namespace."""
        if self.inner_pid is None and self.popen.poll() is None:
            self.target_pid()
        if self.inner_pid is not None:
            _sigkill(self.inner_pidfd, self.inner_pid)
            _close(self.inner_pidfd)
            self.inner_pidfd = None
        _close(self.info_fd)
        self.info_fd = None
        super().kill()


class BwrapSandbox(ProcessSandbox):
    """The child inside bubblewrap: its own filesystem, PID and network namespaces."""

    rlimits = {"RLIMIT_NPROC": NPROC}

    def __init__(self, bwrap: str, setpriv: str | None, isolation: Isolation) -> None:
        super().__init__(isolation)
        self.bwrap = bwrap
        self.setpriv = setpriv

    def command(self, argv: list[str], info_fd: int) -> list[str]:
        prefix = bwrap_argv(self.bwrap, self.setpriv is not None, info_fd)
        if self.setpriv is not None:
            prefix += _setpriv(self.setpriv)
        return prefix + argv

    def spawn(self, argv: list[str], pass_fds: tuple[int, ...]) -> SandboxedProcess:
        info_r, info_w = os.pipe()
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
            raise
        finally:
            os.close(info_w)
        return BwrapProcess(popen, info_r)


# -- choosing a level ---------------------------------------------------------

PROBE = r"""
import json, os, socket, sys
masked = sys.argv[1:]
out = {"uid": os.getuid(), "pid": os.getpid(), "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit())}
out["net"] = [name for _, name in socket.if_nameindex()]
out["readable"] = []
for p in masked:
    try:
        if os.listdir(p):
            out["readable"].append(p)
    except OSError:
        pass
out["caps"] = [line.split()[1] for line in open("/proc/self/status") if line.startswith("CapEff")][0]
print(json.dumps(out))
"""


def _probe_bwrap(bwrap: str, setpriv: str | None) -> tuple[bool, str]:
    """Run a tiny python inside the sandbox once and check, from its own view, that it is contained."""
    sandbox = BwrapSandbox(bwrap, setpriv, PROCESS_LEVEL)
    masked = [str(p) for p in _masked_paths()]
    argv = [sys.executable, "-I", "-S", "-c", PROBE, *masked]
    # bwrap's --info-fd goes to a pipe of its own, so stderr holds only what went wrong.
    info_r, info_w = os.pipe()
    try:
        result = subprocess.run(
            sandbox.command(argv, info_w),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env={"PATH": "/usr/bin:/bin"},
            timeout=PROBE_TIMEOUT_S,
            start_new_session=True,
            pass_fds=(info_w,),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return False, f"bubblewrap did not run: {exc}"
    finally:
        os.close(info_r)
        os.close(info_w)
    if result.returncode != 0:
        text = result.stderr.decode(errors="replace").strip().splitlines()
        return False, f"bubblewrap failed: {text[-1] if text else f'exit code {result.returncode}'}"
    try:
        seen = json.loads(result.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        return False, "the bubblewrap probe printed nothing readable"
    if setpriv is not None and seen["uid"] == 0:
        return False, "the sandboxed process still runs as root"
    if seen["pids"] != [1] and seen["pid"] != 1:
        return False, f"host processes are visible in the sandbox ({len(seen['pids'])} pids)"
    if any(name != "lo" for name in seen["net"]):
        return False, f"the sandbox has network interfaces: {seen['net']}"
    if seen["readable"]:
        return False, f"the sandbox can read {seen['readable'][0]}"
    if seen["caps"].strip("0"):
        return False, f"the sandboxed process keeps capabilities ({seen['caps']})"
    return True, ""


@functools.cache
def probe() -> Isolation:
    """The strongest level this machine offers, proven by running a probe in it (once per process)."""
    if not sys.platform.startswith("linux"):
        return PROCESS_LEVEL
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        why = "bubblewrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)"
        return _process_level(why)
    setpriv = None
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            return _process_level("the judge runs as root and setpriv (util-linux) is missing to drop to nobody")
    ok, why = _probe_bwrap(bwrap, setpriv)
    if not ok:
        return _process_level(why)
    features = [
        "bubblewrap",
        "minimal read-only root (/usr and the Python installation)",
        "judge package and problem set masked",
        f"size-capped tmpfs /tmp ({TMP_BYTES >> 20} MiB)",
        "new PID namespace (no process outlives the run)",
        "no network",
        "all capabilities dropped",
        f"unprivileged uid {NOBODY}" if setpriv else "user namespace",
        "own session",
        "rlimits",
        "clean environment",
        "python -I",
    ]
    missing = [
        "cgroups: not used; memory is watched per process and forks are bounded by a pids rlimit",
        "seccomp: no system-call filter",
    ]
    return Isolation(level="bubblewrap", isolated=True, features=features, missing=missing)


def _process_level(why: str) -> Isolation:
    base = PROCESS_LEVEL
    return Isolation(level=base.level, isolated=False, features=base.features, missing=[*base.missing, why])


_warming: threading.Thread | None = None


def warm_up() -> None:
    """Start the probe in the background, so it overlaps the judge's other start-up work."""
    global _warming
    if _warming is None:
        _warming = threading.Thread(target=probe, name="judge-probe", daemon=True)
        _warming.start()


def best_sandbox() -> ProcessSandbox:
    """The strongest sandbox this machine supports."""
    if _warming is not None:
        _warming.join()  # never probe twice at once
    isolation = probe()
    if isolation.level == "bubblewrap":
        setpriv = shutil.which("setpriv") if os.geteuid() == 0 else None
        return BwrapSandbox(shutil.which("bwrap") or "bwrap", setpriv, isolation)
    return ProcessSandbox(isolation)
