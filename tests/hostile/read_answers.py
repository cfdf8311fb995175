# Hunt for the answers: walk the filesystem, import the judge, read the parent's fds.
# Any find is raised, so an AC proves nothing was found.
import os
import sys

FOUND = []


def wanted(top, name):
    parent = os.path.basename(top)
    return (
        name in ("hidden.json", "sample.json", "challenge.toml")
        or (name == "reference.py" and parent == "accepted")
        or (name in ("grader.py", "harness.py") and parent in ("judge", "runner"))
        or "can_shift" in name
        or parent == "_data"
    )


for top, dirs, files in os.walk("/", onerror=lambda e: None):
    if top in ("/proc", "/sys", "/dev"):
        dirs[:] = []
        continue
    for name in files + dirs:
        if wanted(top, name):
            path = os.path.join(top, name)
            try:
                with open(path, "rb") as f:
                    f.read(1)
                FOUND.append(path)
            except OSError:
                pass
try:
    import judge

    # An empty masked folder imports as a namespace package; only content counts.
    if getattr(judge, "__file__", None) or any(os.listdir(p) for p in judge.__path__):
        FOUND.append(f"import judge: {judge}")
except (ImportError, OSError):
    pass
for pid in (os.getppid(), 1):
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
            if pid != os.getpid() and target:
                FOUND.append(f"fd of {pid}: {target}")
    except OSError:
        pass
if "judge.grader" in sys.modules or "judge.challenge" in sys.modules:
    FOUND.append("the judge is already imported")


def can_shift(a, b):
    if FOUND:
        raise RuntimeError("LEAK " + "; ".join(FOUND[:5]))
    return len(a) == len(b) and b in a + a
