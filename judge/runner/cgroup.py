"""Control groups: charge and bound a child's whole process tree, not just its first process.

A solution can fork, start threads, or hold memory in ``memfd`` buffers and tmpfs files.
Per-process clocks see none of that; a cgroup sees all of it. Each child the judge starts
gets a cgroup of its own (a "box"): its CPU time (``cpu.stat`` in v2, ``cpuacct.usage`` in
v1), its memory now and at its peak (``memory.peak`` / ``memory.max_usage_in_bytes``,
reset per test where the kernel allows), a hard memory limit and a process limit.

Boxes are made under the judge's own cgroup (``/proc/self/cgroup``), so a judge that
already sits in a limited cgroup (a container, a systemd service) stays within it. Both
v2 (modern distributions) and v1 (older hosts and some CI machines) are supported, each
controller from the hierarchy that offers it. ``detect()`` says what this machine allows,
or why nothing can be used.
"""

from __future__ import annotations

import atexit
import errno
import functools
import os
import signal
import time
from pathlib import Path

from msgspec import Struct, field

#: What the judge needs of a cgroup: CPU accounting, memory (usage, peak, limit), a pids limit.
NEEDS = ("cpu", "memory", "pids")
#: The v1 controller that provides each need.
V1_CONTROLLER = {"cpu": "cpuacct", "memory": "memory", "pids": "pids"}
#: Processes and threads one box may hold: room for a thread pool or a few workers, not a fork bomb.
PIDS_MAX = 64
#: How long removing an emptied box may be retried (its processes are being reaped).
REMOVE_TRIES = 20


class Place(Struct, frozen=True):
    """Where boxes for one need are made: a folder in a mounted hierarchy."""

    need: str
    version: int
    #: The folder this judge makes its boxes in (``judge-<pid namespace>-<pid>`` under its own cgroup).
    parent: Path


class Support(Struct, frozen=True):
    """The cgroup places this judge may use, one per need."""

    places: dict[str, Place]

    @property
    def version(self) -> str:
        """``v2``, ``v1``, or ``v1+v2`` when the needs come from both."""
        versions = sorted({p.version for p in self.places.values()})
        return "+".join(f"v{v}" for v in versions)

    def describe(self) -> str:
        by: dict[int, list[str]] = {}
        for p in self.places.values():
            by.setdefault(p.version, []).append(V1_CONTROLLER[p.need] if p.version == 1 else p.need)
        return ", ".join(f"cgroup v{v} ({', '.join(sorted(n))})" for v, n in sorted(by.items()))


# -- finding the hierarchies ----------------------------------------------------


class Mount(Struct, frozen=True):
    version: int
    path: Path
    #: The cgroup shown at this mount's top (not "/" when a container mounts a subtree).
    root: str
    #: v1: the controllers of this hierarchy; v2: empty (see cgroup.controllers).
    controllers: frozenset[str] = frozenset()


def parse_mountinfo(text: str) -> list[Mount]:
    """The cgroup mounts in /proc/self/mountinfo."""
    mounts = []
    for line in text.splitlines():
        head, sep, tail = line.partition(" - ")
        if not sep:
            continue
        fields, rest = head.split(), tail.split()
        if len(fields) < 5 or len(rest) < 3:
            continue
        fstype, options = rest[0], set(rest[2].split(","))
        path = Path(fields[4].replace("\\040", " "))
        if fstype == "cgroup2":
            mounts.append(Mount(2, path, fields[3]))
        elif fstype == "cgroup":
            mounts.append(Mount(1, path, fields[3], frozenset(options)))
    return mounts


def parse_proc_cgroup(text: str) -> tuple[dict[str, str], str | None]:
    """(v1 controller -> our path, our v2 path or None) from /proc/self/cgroup."""
    v1: dict[str, str] = {}
    v2 = None
    for line in text.splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _, controllers, path = parts
        if controllers == "":
            v2 = path
        else:
            for name in controllers.split(","):
                v1[name] = path
    return v1, v2


def _inside(mount: Mount, path: str) -> Path | None:
    """Our cgroup's folder in this mount, or None when the mount does not show it."""
    root = mount.root.rstrip("/")
    if root and path != root and not path.startswith(root + "/"):
        return None
    return mount.path / path[len(root) :].lstrip("/")


def _read(path: Path) -> str:
    with open(path, encoding="ascii") as f:
        return f.read()


def _write(path: Path, value: str) -> None:
    with open(path, "w", encoding="ascii") as f:
        f.write(value)


def _pid_namespace() -> str:
    """This judge's PID namespace, by inode: pids only mean something within one."""
    try:
        return os.readlink("/proc/self/ns/pid").removeprefix("pid:[").removesuffix("]")
    except OSError:
        return "0"


def _folder_name() -> str:
    """``judge-<pid namespace>-<pid>``: whose boxes these are, for the sweep of a later judge."""
    return f"judge-{_pid_namespace()}-{os.getpid()}"


def _owner_alive(name: str) -> bool:
    """Whether the judge that made a ``judge-<ns>-<pid>`` folder may still run.

    Only a judge of our own PID namespace whose pid is gone is known dead; a folder of
    another namespace (another container sharing the hierarchy) is never touched.
    """
    parts = name.split("-")
    if len(parts) != 3 or parts[1] != _pid_namespace() or not parts[2].isdigit():
        return True
    return Path(f"/proc/{parts[2]}").exists()


def _sweep(parent: Path) -> None:
    """Remove boxes a judge that died left behind (their processes are killed first)."""
    try:
        stale = [d for d in parent.iterdir() if d.name.startswith("judge-") and not _owner_alive(d.name)]
    except OSError:
        return
    for folder in stale:
        for box in [*sorted(folder.glob("*/")), folder]:
            _kill_all(box)
            try:
                box.rmdir()
            except OSError:
                pass


def _v1_place(need: str, mounts: list[Mount], own: dict[str, str]) -> Place | str:
    controller = V1_CONTROLLER[need]
    mount = next((m for m in mounts if m.version == 1 and controller in m.controllers), None)
    if mount is None:
        return f"no v1 {controller} hierarchy is mounted"
    folder = _inside(mount, own.get(controller, "/"))
    if folder is None:
        return f"the judge's {controller} cgroup is not visible under {mount.path}"
    return _made(Place(need, 1, folder / _folder_name()))


def _made(place: Place) -> Place | str:
    try:
        place.parent.mkdir(exist_ok=True)
    except OSError as exc:
        return f"cannot create {place.parent} ({exc.strerror})"
    return place


def _v2_places(mount: Mount, own: str | None, needs: list[str]) -> dict[str, Place] | str:
    """Places in the unified hierarchy, enabling controllers where the kernel's rules allow it.

    A v2 cgroup that hands controllers to its children may hold no process itself (the
    root excepted). So boxes go under ``judge-<ns>-<pid>``; when the judge's own cgroup still
    holds the judge, the judge first moves into a leaf of its own, ``judge-<pid>.self``,
    which is only done when no other process shares that cgroup.
    """
    base = _inside(mount, own or "/")
    if base is None:
        return f"the judge's cgroup is not visible under {mount.path}"
    try:
        available = set(_read(base / "cgroup.controllers").split())
    except OSError as exc:
        return f"cannot read {base / 'cgroup.controllers'} ({exc.strerror})"
    controllers = [n for n in needs if n != "cpu"]  # cpu.stat exists in every cgroup
    absent = [n for n in controllers if n not in available]
    if absent:
        return f"the {' and '.join(absent)} controller{'s are' if len(absent) > 1 else ' is'} not enabled for {base}"
    parent = base / _folder_name()
    try:
        if controllers:
            _delegate(base, controllers)
        parent.mkdir(exist_ok=True)
        if controllers:
            _write(parent / "cgroup.subtree_control", " ".join(f"+{n}" for n in controllers))
    except OSError as exc:
        return f"cannot set up {parent} ({exc.strerror or exc})"
    return {n: Place(n, 2, parent) for n in needs}


def _delegate(base: Path, controllers: list[str]) -> None:
    """Enable ``controllers`` for the children of ``base`` (moving the judge out of it if needed)."""
    enabled = set(_read(base / "cgroup.subtree_control").split())
    wanted = " ".join(f"+{n}" for n in controllers if n not in enabled)
    if not wanted:
        return
    try:
        _write(base / "cgroup.subtree_control", wanted)
        return
    except OSError as exc:
        if exc.errno != errno.EBUSY:
            raise
    # EBUSY: processes live in base. Only ours may be moved, and only when we are alone.
    procs = {int(p) for p in _read(base / "cgroup.procs").split()}
    if procs - {os.getpid()}:
        raise OSError(errno.EBUSY, f"other processes share the judge's cgroup {base}; run the judge in its own")
    leaf = base / f"judge-{os.getpid()}.self"
    leaf.mkdir(exist_ok=True)
    _write(leaf / "cgroup.procs", str(os.getpid()))
    _write(base / "cgroup.subtree_control", wanted)


@functools.cache
def detect() -> Support | str:
    """The cgroup places this judge may use for every need, or why it cannot (once per process)."""
    if not Path("/proc/self/cgroup").exists():
        return "no cgroups on this system"
    try:
        mounts = parse_mountinfo(_read(Path("/proc/self/mountinfo")))
        own_v1, own_v2 = parse_proc_cgroup(_read(Path("/proc/self/cgroup")))
    except OSError as exc:
        return f"cannot read the judge's cgroups ({exc.strerror})"
    unified = next((m for m in mounts if m.version == 2), None)
    problems: list[str] = []
    places: dict[str, Place] = {}
    # v2 when it offers memory and pids (the modern layout); else v1 for what it mounts.
    if unified is not None and own_v2 is not None:
        v2 = _v2_places(unified, own_v2, list(NEEDS)) if _v2_offers(unified, own_v2) else None
        if isinstance(v2, dict):
            places = v2
        elif isinstance(v2, str):
            problems.append(v2)
    for need in NEEDS:
        if need in places:
            continue
        v1 = _v1_place(need, mounts, own_v1)
        if isinstance(v1, Place):
            places[need] = v1
        elif need == "cpu" and unified is not None and own_v2 is not None:
            cpu = _v2_places(unified, own_v2, ["cpu"])  # cpu.stat needs no controller
            if isinstance(cpu, dict):
                places.update(cpu)
            else:
                problems.append(cpu)
        else:
            problems.append(v1)
    missing = [n for n in NEEDS if n not in places]
    if missing:
        return "; ".join(dict.fromkeys(problems)) or f"no cgroup offers {', '.join(missing)}"
    support = Support(places)
    why = _trial(support)
    if why:
        return why
    for parent in {p.parent.parent for p in places.values()}:
        _sweep(parent)
    atexit.register(_remove_parents, support)
    return support


def _remove_parents(support: Support) -> None:
    """At exit: this judge's ``judge-<ns>-<pid>`` folders (its boxes are gone by then)."""
    for folder in {p.parent for p in support.places.values()}:
        try:
            folder.rmdir()
        except OSError:
            pass


def _v2_offers(mount: Mount, own: str) -> bool:
    base = _inside(mount, own)
    try:
        available = set(_read(base / "cgroup.controllers").split()) if base else set()
    except OSError:
        return False
    return {"memory", "pids"} <= available


def _trial(support: Support) -> str | None:
    """Make, use and remove one box: permissions differ from what the mode bits say."""
    try:
        box = Box(support, "trial")
    except OSError as exc:
        return f"cannot create a cgroup under {support.places['memory'].parent} ({exc.strerror or exc})"
    try:
        box.cpu_s()
        box.memory_bytes()
    except (OSError, ValueError) as exc:
        return f"cannot read the cgroup's counters ({exc})"
    finally:
        box.remove()
    return None


# -- one box ------------------------------------------------------------------

_boxes = 0


def _next_name() -> str:
    """A box name unique among this judge's processes (grading forks workers that share a folder)."""
    global _boxes
    _boxes += 1
    return f"box-{os.getpid()}-{_boxes}"


def _kill_all(folder: Path) -> bool:
    """SIGKILL every process in a cgroup folder; True when it is empty."""
    for _ in range(10):
        try:
            pids = [int(p) for p in _read(folder / "cgroup.procs").split()]
        except (OSError, ValueError):
            return True
        if not pids:
            return True
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.002)
    return False


class _Files(Struct):
    """Counters kept open: reading one is a pread, about a microsecond."""

    fds: dict[str, int] = field(default_factory=dict)

    def open(self, key: str, path: Path, flags: int = os.O_RDONLY) -> bool:
        try:
            self.fds[key] = os.open(path, flags)
            return True
        except OSError:
            return False

    def text(self, key: str) -> str:
        return os.pread(self.fds[key], 4096, 0).decode("ascii")

    def close(self) -> None:
        for fd in self.fds.values():
            try:
                os.close(fd)
            except OSError:
                pass
        self.fds.clear()


class Box:
    """One child's cgroup (a folder per hierarchy in use): attach, measure, limit, kill, remove."""

    def __init__(self, support: Support, name: str | None = None) -> None:
        name = name or _next_name()
        self.dirs = {need: place.parent / name for need, place in support.places.items()}
        self.versions = {need: place.version for need, place in support.places.items()}
        self._files = _Files()
        self.peak_resets = False
        made: list[Path] = []
        try:
            for folder in dict.fromkeys(self.dirs.values()):
                folder.mkdir()
                made.append(folder)
            self._setup()
        except BaseException:
            self._files.close()
            for folder in reversed(made):
                try:
                    folder.rmdir()
                except OSError:
                    pass
            raise

    # -- set-up -------------------------------------------------------------------

    def _v1(self, need: str) -> bool:
        return self.versions[need] == 1

    def _setup(self) -> None:
        cpu, mem, pids = self.dirs["cpu"], self.dirs["memory"], self.dirs["pids"]
        _write(pids / "pids.max", str(PIDS_MAX))
        files = self._files
        if self._v1("cpu"):
            ok = files.open("cpu", cpu / "cpuacct.usage")
        else:
            ok = files.open("cpu", cpu / "cpu.stat")
        if not ok:
            raise OSError(errno.ENOENT, f"no CPU counter in {cpu}")
        # Limits are written once per test: kept open, a write costs a microsecond, not an open.
        if self._v1("memory"):
            files.open("limit", mem / "memory.limit_in_bytes", os.O_WRONLY)
            files.open("memsw", mem / "memory.memsw.limit_in_bytes", os.O_WRONLY)
            files.open("usage", mem / "memory.usage_in_bytes")
            files.open("events", mem / "memory.oom_control")
            files.open("failcnt", mem / "memory.failcnt")
            self.peak_resets = files.open("peak", mem / "memory.max_usage_in_bytes", os.O_RDWR)
        else:
            files.open("limit", mem / "memory.max", os.O_WRONLY)
            files.open("usage", mem / "memory.current")
            files.open("events", mem / "memory.events")
            # memory.peak is reset per open file by a write (Linux 6.12 and later).
            if files.open("peak", mem / "memory.peak", os.O_RDWR):
                try:
                    os.write(files.fds["peak"], b"reset\n")
                    self.peak_resets = True
                except OSError:
                    pass
            try:
                _write(mem / "memory.swap.max", "0")
            except OSError:
                pass

    def attach(self, pid: int) -> None:
        """Move a process (and so everything it starts later) into the box."""
        for folder in dict.fromkeys(self.dirs.values()):
            _write(folder / "cgroup.procs", str(pid))

    def holds(self, pid: int) -> bool:
        """Whether ``pid`` is in the box (in every hierarchy it uses)."""
        for folder in dict.fromkeys(self.dirs.values()):
            try:
                if str(pid) not in _read(folder / "cgroup.procs").split():
                    return False
            except OSError:
                return False
        return True

    # -- measuring -----------------------------------------------------------------

    def cpu_s(self) -> float:
        """CPU time of every process and thread that was ever in the box."""
        text = self._files.text("cpu")
        if self._v1("cpu"):
            return int(text) / 1e9
        for line in text.splitlines():
            if line.startswith("usage_usec "):
                return int(line.split()[1]) / 1e6
        raise ValueError("no usage_usec in cpu.stat")

    def memory_bytes(self) -> int:
        return int(self._files.text("usage"))

    def reset_peak(self) -> bool:
        """Start a new peak at the current usage; False when the kernel cannot."""
        if not self.peak_resets:
            return False
        try:
            os.write(self._files.fds["peak"], b"0\n" if self._v1("memory") else b"reset\n")
            return True
        except OSError:
            return False

    def peak_bytes(self) -> int | None:
        """The peak since the last reset (None when it cannot be reset: the caller samples instead)."""
        return int(self._files.text("peak")) if self.peak_resets else None

    def limit_events(self) -> int:
        """How often the memory limit was hit or the kernel killed for memory, so far."""
        # v1: OOM kills (memory.oom_control) and failed charges at the limit (memory.failcnt);
        # v2: "max" (the limit was hit) and "oom_kill" in memory.events.
        keys = ("oom_kill",) if self._v1("memory") else ("max", "oom_kill")
        total = 0
        try:
            for line in self._files.text("events").splitlines():
                key, _, value = line.partition(" ")
                if key in keys:
                    total += int(value)
            if self._v1("memory"):
                total += int(self._files.text("failcnt"))
        except (KeyError, OSError, ValueError):
            pass
        return total

    def set_memory_limit(self, limit: int) -> None:
        fds, value = self._files.fds, str(limit).encode()
        if "limit" not in fds:
            raise OSError(errno.EBADF, "the box is gone")
        if "memsw" not in fds:
            os.write(fds["limit"], value)
            return
        # v1 keeps memory+swap >= memory: raise memsw first, lower it last.
        try:
            os.write(fds["memsw"], value)
            os.write(fds["limit"], value)
        except OSError:
            os.write(fds["limit"], value)
            os.write(fds["memsw"], value)

    # -- ending ------------------------------------------------------------------------

    def kill(self) -> None:
        """SIGKILL every process in the box, forked daemons included."""
        for folder in dict.fromkeys(self.dirs.values()):
            try:
                _write(folder / "cgroup.kill", "1")
                continue
            except OSError:
                pass
            _kill_all(folder)

    def remove(self) -> None:
        """Kill what is left and remove the box's folders (retried briefly while processes are reaped)."""
        self._files.close()
        for folder in dict.fromkeys(self.dirs.values()):
            for attempt in range(REMOVE_TRIES):
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    if attempt == 0:
                        _kill_all(folder)
                    time.sleep(0.005)
