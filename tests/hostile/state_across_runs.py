# Keep progress from one run to the next: in the kernel keyring (shared by every sandbox
# of the same uid), /tmp, /dev/shm, the home and working folders. A find is raised.
import ctypes
import os
import platform

MARKER = b"judge-hostile-progress"
NR = {"x86_64": (248, 250), "aarch64": (217, 219)}.get(platform.machine())  # add_key, keyctl
PLACES = sorted({"/tmp", "/dev/shm", os.path.expanduser("~"), os.getcwd()})
libc = ctypes.CDLL(None, use_errno=True)
FOUND = []
STORED = []

if NR:
    for ring in (-4, -5, -3):  # user, user-session, session keyrings
        if libc.syscall(NR[1], 10, ring, b"user", MARKER, 0) >= 0:  # KEYCTL_SEARCH
            FOUND.append(f"a key in keyring {ring}")
        if libc.syscall(NR[0], b"user", MARKER, b"0.8 s of work", ctypes.c_size_t(13), ring) >= 0:
            STORED.append(ring)
FOUND += [p for p in (os.path.join(f, MARKER.decode()) for f in PLACES) if os.path.exists(p)]
for folder in PLACES:
    path = os.path.join(folder, MARKER.decode())
    try:
        with open(path, "w") as f:
            f.write("0.8 s of work")
    except OSError:
        pass


def can_shift(a, b):
    if FOUND:
        raise RuntimeError("LEAK " + "; ".join(FOUND))
    return len(a) == len(b) and b in a + a
