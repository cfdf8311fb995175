# Hold 600 MiB in a forked child while the parent answers: not the solution process's memory.
import os
import time


def can_shift(a, b):
    pid = os.fork()
    if pid == 0:
        block = b"x" * (600 << 20)  # every page touched
        time.sleep(0.5)
        os._exit(len(block) & 0)
    os.waitpid(pid, 0)
    return len(a) == len(b) and b in a + a
