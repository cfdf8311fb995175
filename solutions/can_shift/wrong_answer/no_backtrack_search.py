# A hand-rolled linear search that restarts from scratch on a mismatch without
# backtracking: misses matches inside runs of repeated characters.
def can_shift(a, b):
    if len(a) != len(b):
        return False
    if not b:
        return True
    j = 0
    for ch in a + a:
        if ch == b[j]:
            j += 1
            if j == len(b):
                return True
        else:
            j = 1 if ch == b[0] else 0
    return False
