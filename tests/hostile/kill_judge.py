# Kill the judge's process and process group (the numbers are filled in by the test).
import os
import signal

JUDGE_PID = 0  # set by the test
JUDGE_PGID = 0  # set by the test


def can_shift(a, b):
    for pid in (os.getppid(), JUDGE_PID):
        try:
            os.kill(pid, signal.SIGKILL)
        except (OSError, ValueError):
            pass
    try:
        os.killpg(JUDGE_PGID, signal.SIGKILL)
    except (OSError, ValueError):
        pass
    return len(a) == len(b) and b in a + a
