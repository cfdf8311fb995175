# An answer nested 20,000 deep, after raising the recursion limit.
import sys

sys.setrecursionlimit(100_000)


def can_shift(a, b):
    value = []
    for _ in range(20_000):
        value = [value]
    return value
