# Right on small inputs, but recurses once per rotation: RecursionError on long strings.
def can_shift(a, b, k=0):
    if len(a) != len(b):
        return False
    if a[k:] + a[:k] == b:
        return True
    if k >= len(a) - 1:
        return False
    return can_shift(a, b, k + 1)
