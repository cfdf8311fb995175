# Look through /proc for other processes: the judge, other sandboxes, their environment
# and command lines. Any process but its own is raised.
import os

FOUND = []
for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                FOUND.append(f"{pid}: {f.read()[:60]!r}")
        except OSError:
            FOUND.append(f"pid {pid} exists")


def can_shift(a, b):
    found = FOUND + [p for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()]
    if found:
        raise RuntimeError("LEAK " + "; ".join(map(str, found[:5])))
    return len(a) == len(b) and b in a + a
