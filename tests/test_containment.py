"""The containment mechanisms on their own: the system-call filter's tables and program,
cgroup discovery from the kernel's files, and one cgroup box on this machine."""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from judge.runner import cgroup, hidden, seccomp

# -- seccomp -------------------------------------------------------------------------------


def _libseccomp() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("seccomp")
    try:
        return ctypes.CDLL(name or "libseccomp.so.2")
    except OSError:
        return None


@pytest.mark.skipif(_libseccomp() is None, reason="libseccomp is not installed (CI installs libseccomp2)")
@pytest.mark.parametrize("arch", list(seccomp.TABLES))
def test_the_syscall_numbers_match_libseccomp(arch: str) -> None:
    lib = _libseccomp()
    assert lib is not None
    lib.seccomp_syscall_resolve_name_arch.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    audit, table = seccomp.TABLES[arch]
    for name, number in table.items():
        assert lib.seccomp_syscall_resolve_name_arch(audit, name.encode()) == number, name
    # Every denied call the architecture has is in the table (aarch64 has no iopl/ioperm/fork/vfork).
    for name in (*seccomp.DENIED, *seccomp.FORKS):
        if lib.seccomp_syscall_resolve_name_arch(audit, name.encode()) >= 0:
            assert name in table, f"{name} is missing from the {arch} table"


@pytest.mark.parametrize("arch", list(seccomp.TABLES))
@pytest.mark.parametrize("allow_forks", [True, False])
def test_the_program_is_well_formed(arch: str, allow_forks: bool) -> None:
    program = seccomp.program(allow_forks, arch)
    assert len(program) % 8 == 0 and 0 < len(program) // 8 < 4096
    last = program[-8:]
    assert seccomp._SOCK_FILTER.unpack(last)[3] == seccomp.RET_KILL_PROCESS  # foreign ABIs end the process


FILTER_CHECK = r"""
import ctypes, os, sys, threading
sys.path.insert(0, sys.argv[1])
from judge.runner.harness import contain
from judge.runner import seccomp
allow = sys.argv[2] == "1"
contain({}, seccomp.program(allow).hex())
libc = ctypes.CDLL(None, use_errno=True)
nr = seccomp.TABLES[seccomp.machine()][1]
out = {}
out["add_key"] = libc.syscall(nr["add_key"], b"user", b"judge-test", b"1", ctypes.c_size_t(1), -4) >= 0
out["unshare"] = libc.syscall(nr["unshare"], 0x10000000) >= 0
out["kill_all"] = libc.kill(-1, 0) == 0
t = threading.Thread(target=lambda: None); t.start(); t.join()
out["thread"] = True
try:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    out["fork"] = True
except OSError:
    out["fork"] = False
print(out)
"""


@pytest.mark.skipif(seccomp.why_unavailable() is not None, reason="no seccomp here")
@pytest.mark.parametrize("allow_forks", [True, False])
def test_the_filter_denies_what_it_says_and_keeps_threads(allow_forks: bool) -> None:
    repo = str(Path(__file__).resolve().parent.parent)
    result = subprocess.run(
        [sys.executable, "-c", FILTER_CHECK, repo, "1" if allow_forks else "0"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    seen = eval(result.stdout)  # noqa: S307 - our own child's dict
    assert seen == {"add_key": False, "unshare": False, "kill_all": False, "thread": True, "fork": allow_forks}


# -- cgroup discovery ------------------------------------------------------------------------

MOUNTINFO = """\
31 23 0:26 / /sys/fs/cgroup ro,nosuid - tmpfs tmpfs ro,mode=755
32 31 0:27 / /sys/fs/cgroup/unified rw,nosuid - cgroup2 cgroup2 rw,nsdelegate
35 31 0:30 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid - cgroup cgroup rw,cpu,cpuacct
36 31 0:31 /docker/abc /sys/fs/cgroup/memory rw,nosuid - cgroup cgroup rw,memory
37 31 0:32 / /sys/fs/cgroup/pids rw,nosuid - cgroup cgroup rw,pids
"""


def test_cgroup_mounts_and_paths_are_read_from_the_kernel_s_files() -> None:
    mounts = cgroup.parse_mountinfo(MOUNTINFO)
    assert [(m.version, str(m.path)) for m in mounts] == [
        (2, "/sys/fs/cgroup/unified"),
        (1, "/sys/fs/cgroup/cpu,cpuacct"),
        (1, "/sys/fs/cgroup/memory"),
        (1, "/sys/fs/cgroup/pids"),
    ]
    assert "cpuacct" in mounts[1].controllers
    v1, v2 = cgroup.parse_proc_cgroup("12:pids:/a\n4:cpu,cpuacct:/b\n3:memory:/docker/abc/c\n0::/u\n")
    assert v1 == {"pids": "/a", "cpu": "/b", "cpuacct": "/b", "memory": "/docker/abc/c"} and v2 == "/u"
    # A container that mounts its own subtree: our path is shown relative to the mount's root.
    assert cgroup._inside(mounts[2], "/docker/abc/c") == Path("/sys/fs/cgroup/memory/c")
    assert cgroup._inside(mounts[2], "/elsewhere") is None


SUPPORT = cgroup.detect()
needs_cgroups = pytest.mark.skipif(not isinstance(SUPPORT, cgroup.Support), reason=f"no cgroups: {SUPPORT}")

BURN = r"""
import os, sys, time
sys.stdin.read(1)
def burn(s):
    end = time.process_time() + s
    while time.process_time() < end:
        pass
if os.fork() == 0:
    burn(0.3)
    os._exit(0)
block = b"x" * (40 << 20)
os.wait()
print(len(block) > 0)
"""


@needs_cgroups
def test_a_box_charges_a_forked_child_and_measures_the_peak() -> None:
    assert isinstance(SUPPORT, cgroup.Support)
    box = cgroup.Box(SUPPORT)
    try:
        proc = subprocess.Popen([sys.executable, "-c", BURN], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        box.attach(proc.pid)
        assert box.holds(proc.pid)
        start, base = box.cpu_s(), box.memory_bytes()
        assert box.reset_peak() or box.peak_bytes() is None
        out, _ = proc.communicate(b"x", timeout=60)
        assert out.strip() == b"True"
        assert box.cpu_s() - start >= 0.25, "the forked child's CPU is charged to the box"
        peak = box.peak_bytes()
        if peak is not None:
            assert peak - base >= 35 << 20
    finally:
        box.kill()
        box.remove()
    assert not any(d.exists() for d in box.dirs.values())


@needs_cgroups
def test_a_box_limits_processes_and_memory() -> None:
    assert isinstance(SUPPORT, cgroup.Support)
    box = cgroup.Box(SUPPORT)
    script = (
        "import os, sys, time\nsys.stdin.read(1)\nn = 0\ntry:\n    for _ in range(200):\n"
        "        if os.fork() == 0:\n            os.close(1)\n            time.sleep(30)\n            os._exit(0)\n"
        "        n += 1\nexcept OSError:\n    pass\nprint(n)\n"
    )
    try:
        proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        box.attach(proc.pid)
        out, _ = proc.communicate(b"x", timeout=60)
        assert int(out) < cgroup.PIDS_MAX
        box.kill()
        time.sleep(0.1)
        hog = subprocess.Popen(
            [sys.executable, "-c", "import sys\nsys.stdin.read(1)\nx = b'x' * (300 << 20)"], stdin=subprocess.PIPE
        )
        box.attach(hog.pid)
        box.set_memory_limit(box.memory_bytes() + (100 << 20))
        events = box.limit_events()
        hog.communicate(b"x", timeout=60)
        assert hog.returncode == -9 and box.limit_events() > events, "the kernel stopped it at the limit"
    finally:
        box.kill()
        box.remove()


# -- what is hidden ---------------------------------------------------------------------------


def test_a_secret_in_a_checkout_is_covered_with_the_whole_checkout(tmp_path: Path) -> None:
    bound = tmp_path / "usr"
    app = bound / "src" / "app"
    (app / ".git").mkdir(parents=True)
    (app / "problems" / "challenges").mkdir(parents=True)
    elsewhere = tmp_path / "home" / "problems"
    elsewhere.mkdir(parents=True)
    covers = hidden.masks([bound], frozenset({app / "problems", elsewhere}))
    assert covers == [app], "the checkout (and its .git) is covered; what is not bound needs nothing"


def test_a_checkout_the_runtime_needs_keeps_its_code_and_loses_the_secret_and_history(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    secret = repo / "venv" / "lib" / "problems"
    secret.mkdir(parents=True)
    # The whole checkout is bound (the runtime lives in it): it cannot be covered, its parts can.
    assert set(hidden.masks([repo], frozenset({secret}))) == {secret, repo / ".git"}
    # Bound from above: the checkout itself is covered.
    assert hidden.masks([tmp_path], frozenset({secret})) == [repo]


def _unified() -> cgroup.Mount | None:
    mounts = cgroup.parse_mountinfo(Path("/proc/self/mountinfo").read_text())
    unified = next((m for m in mounts if m.version == 2), None)
    if unified is None or not isinstance(SUPPORT, cgroup.Support) or os.geteuid() != 0:
        return None
    return unified


@pytest.mark.skipif(_unified() is None, reason="needs a cgroup2 mount, root, and v1 memory and pids")
def test_cpu_from_cgroup_v2_with_memory_and_pids_from_v1() -> None:
    # The mixed layout of hybrid hosts: v2's cpu.stat needs no controller; v1 gives the rest.
    assert isinstance(SUPPORT, cgroup.Support)
    unified = _unified()
    assert unified is not None
    _, own = cgroup.parse_proc_cgroup(Path("/proc/self/cgroup").read_text())
    cpu = cgroup._v2_places(unified, own, ["cpu"])
    assert isinstance(cpu, dict), cpu
    mixed = cgroup.Support({**SUPPORT.places, "cpu": cpu["cpu"]})
    assert mixed.version == "v1+v2" and "cgroup v2 (cpu)" in mixed.describe()
    box = cgroup.Box(mixed)
    try:
        proc = subprocess.Popen([sys.executable, "-c", BURN], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        box.attach(proc.pid)
        start = box.cpu_s()
        out, _ = proc.communicate(b"x", timeout=60)
        assert out.strip() == b"True"
        assert box.cpu_s() - start >= 0.25, "cpu.stat charges the forked child"
    finally:
        box.kill()
        box.remove()
        try:
            cpu["cpu"].parent.rmdir()
        except OSError:
            pass


def test_v2_places_need_the_memory_and_pids_controllers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a v2 host the judge enables memory and pids for its folder, or says why it cannot."""
    (tmp_path / "cgroup.controllers").write_text("cpu io\n")
    (tmp_path / "cgroup.subtree_control").write_text("")
    (tmp_path / "cgroup.procs").write_text(f"{os.getpid()}\n")
    mount = cgroup.Mount(2, tmp_path, "/")
    why = cgroup._v2_places(mount, "/", list(cgroup.NEEDS))
    assert why == f"the memory and pids controllers are not enabled for {tmp_path}"
    (tmp_path / "cgroup.controllers").write_text("cpu io memory pids\n")
    places = cgroup._v2_places(mount, "/", list(cgroup.NEEDS))
    assert isinstance(places, dict) and {p.version for p in places.values()} == {2}
    parent = places["memory"].parent
    assert parent.parent == tmp_path and (parent / "cgroup.subtree_control").read_text() == "+memory +pids"

    # A non-root cgroup that holds processes cannot hand out controllers (EBUSY): the judge
    # moves itself into a leaf of its own, but only when no other process shares it.
    real_write = cgroup._write
    busy = [True]

    def write(path: Path, value: str) -> None:
        if path == tmp_path / "cgroup.subtree_control" and busy[0]:
            busy[0] = False
            raise OSError(errno.EBUSY, "busy")
        real_write(path, value)

    monkeypatch.setattr(cgroup, "_write", write)
    (tmp_path / "cgroup.subtree_control").write_text("")
    assert isinstance(cgroup._v2_places(mount, "/", list(cgroup.NEEDS)), dict)
    assert (tmp_path / f"judge-{os.getpid()}.self" / "cgroup.procs").read_text() == str(os.getpid())
    busy[0] = True
    (tmp_path / "cgroup.procs").write_text(f"{os.getpid()}\n1\n")
    why = cgroup._v2_places(mount, "/", list(cgroup.NEEDS))
    assert isinstance(why, str) and "other processes share the judge's cgroup" in why
