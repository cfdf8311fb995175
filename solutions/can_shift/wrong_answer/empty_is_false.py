# Treats empty input as "nothing to shift": two empty strings must give True.
def can_shift(a, b):
    if not a or not b:
        return False
    return len(a) == len(b) and b in a + a
