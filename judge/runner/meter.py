"""Reading a child's resources from outside: its cgroup when it has one, else its own process.

Both meters answer the same questions (CPU seconds so far, bytes resident now, the peak
since a reset, how often a memory limit was hit), so the code that watches a request
does not care which one it has. Only the cgroup meter sees forked processes, threads'
children and memory held outside the process (``memfd``, tmpfs files).
"""

from __future__ import annotations

import os
import time

from judge.runner.cgroup import Box

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _cpu_clock(pid: int) -> int:
    """The clock id of a process's CPU time (all its threads): Linux's MAKE_PROCESS_CPUCLOCK."""
    return ((~pid) << 3) | 2


class ProcessMeter:
    """One process, through its CPU clock and /proc: forks and memory outside it go unseen."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.sees_tree = False

    def cpu_s(self) -> float | None:
        try:
            return time.clock_gettime(_cpu_clock(self.pid))
        except OSError:
            return None

    def memory_bytes(self) -> int | None:
        try:
            with open(f"/proc/{self.pid}/statm", "rb") as f:
                return int(f.read().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            return None

    def reset_peak(self) -> bool:
        """Reset VmHWM to the current RSS (a page-table walk)."""
        try:
            with open(f"/proc/{self.pid}/clear_refs", "w") as f:
                f.write("5")
            return True
        except OSError:
            return False

    def peak_bytes(self) -> int | None:
        try:
            with open(f"/proc/{self.pid}/status", "rb") as f:
                for line in f:
                    if line.startswith(b"VmHWM:"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            return None
        return None

    def limit_events(self) -> int:
        return 0

    def set_memory_limit(self, limit: int) -> None:
        """No kernel limit at this level: the watcher and RLIMIT_AS bound memory."""


class BoxMeter:
    """A cgroup: every process and thread of the solution, and all the memory charged to them."""

    def __init__(self, box: Box) -> None:
        self.box = box
        self.sees_tree = True

    def cpu_s(self) -> float | None:
        try:
            return self.box.cpu_s()
        except (OSError, ValueError, KeyError):  # KeyError: the box is gone
            return None

    def memory_bytes(self) -> int | None:
        try:
            return self.box.memory_bytes()
        except (OSError, ValueError, KeyError):  # KeyError: the box is gone
            return None

    def reset_peak(self) -> bool:
        return self.box.reset_peak()

    def peak_bytes(self) -> int | None:
        try:
            return self.box.peak_bytes()
        except (OSError, ValueError, KeyError):  # KeyError: the box is gone
            return None

    def limit_events(self) -> int:
        return self.box.limit_events()  # 0 once the box is gone

    def set_memory_limit(self, limit: int) -> None:
        try:
            self.box.set_memory_limit(limit)
        except OSError:
            pass  # a limit below what is in use is refused: the watcher still measures


Meter = ProcessMeter | BoxMeter
