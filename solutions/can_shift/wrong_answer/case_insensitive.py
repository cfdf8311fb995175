# Compares case-insensitively; the problem is case-sensitive.
def can_shift(a, b):
    a, b = a.lower(), b.lower()
    return len(a) == len(b) and b in a + a
