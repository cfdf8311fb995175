# Starts at k = 1, so a string is never a shift of itself (single characters fail).
def can_shift(a, b):
    if len(a) != len(b):
        return False
    if not a:
        return True
    return any(a[k:] + a[:k] == b for k in range(1, len(a)))
