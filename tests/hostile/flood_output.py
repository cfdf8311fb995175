# 2 GiB to stdout and stderr, through print and straight to the fds.
import os
import sys

CHUNK = "x" * (1 << 20)
RAW = CHUNK.encode()


def can_shift(a, b):
    for _ in range(1024):
        sys.stdout.write(CHUNK)
        sys.stderr.write(CHUNK)
    for _ in range(1024):
        for fd in (1, 2):
            try:
                os.write(fd, RAW)
            except OSError:
                pass
    return len(a) == len(b) and b in a + a
