# Leave processes behind: bounded children plus a double-forked setsid daemon.
# Each carries the marker in its command line so the test can look for survivors.
import os
import sys

MARKER = "judge-hostile-survivor"
SLEEPER = "import time\nwhile True: time.sleep(1)"


def spawn(daemon):
    pid = os.fork()
    if pid:
        if daemon:
            os.waitpid(pid, 0)
        return
    try:
        if daemon:
            os.setsid()
            if os.fork():
                os._exit(0)
        os.execv(sys.executable, [sys.executable, "-c", SLEEPER, MARKER])
    finally:
        os._exit(0)


for _ in range(8):
    spawn(daemon=False)
spawn(daemon=True)


def can_shift(a, b):
    return len(a) == len(b) and b in a + a
