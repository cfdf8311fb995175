# Rotates a deque one step at a time and compares: O(n) per step, O(n^2) in all.
from collections import deque


def can_shift(a, b):
    if len(a) != len(b):
        return False
    d, target = deque(a), list(b)
    for _ in range(max(1, len(a))):
        if list(d) == target:
            return True
        d.rotate(-1)
    return False
