# Read the problem set in use, its checkout's history, and any hidden.json on the disk.
# PROBLEM_SET_ROOT is filled in by the test. Any find is raised.
import os

ROOT = "PROBLEM_SET_ROOT"
FOUND = []
for path in (f"{ROOT}/challenges/can_shift/tests/hidden.json", f"{ROOT}/.git/HEAD", f"{ROOT}/challenges"):
    try:
        if os.path.isdir(path):
            if os.listdir(path):
                FOUND.append(path)
        else:
            with open(path, "rb") as f:
                f.read(1)
            FOUND.append(path)
    except OSError:
        pass
for top, dirs, files in os.walk("/", onerror=lambda e: None):
    if top in ("/proc", "/sys", "/dev"):
        dirs[:] = []
        continue
    for name in files:
        if name == "hidden.json" or (name == "HEAD" and top.endswith("/.git")):
            try:
                with open(os.path.join(top, name), "rb") as f:
                    f.read(1)
                FOUND.append(os.path.join(top, name))
            except OSError:
                pass


def can_shift(a, b):
    if FOUND:
        raise RuntimeError("LEAK " + "; ".join(FOUND[:5]))
    return len(a) == len(b) and b in a + a
