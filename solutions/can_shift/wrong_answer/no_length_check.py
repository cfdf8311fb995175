# Forgets that a rotation has the same length: "ab" is in "abcabc".
def can_shift(a, b):
    return b in a + a
