# Checks that b has the same letters as a, not that they come in rotated order.
def can_shift(a, b):
    return sorted(a) == sorted(b)
