import sys

sys.setrecursionlimit(1 << 30)


def deeper(n):
    return deeper(n + 1) + 1


def can_shift(a, b):
    return deeper(0)
