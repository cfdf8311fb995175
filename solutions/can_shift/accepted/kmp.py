# A plain-Python O(n) solution: search for b in a + a with Knuth-Morris-Pratt.


def can_shift(a, b):
    if len(a) != len(b):
        return False
    if not b:
        return True
    fail = [0] * len(b)
    k = 0
    for i in range(1, len(b)):
        while k > 0 and b[i] != b[k]:
            k = fail[k - 1]
        if b[i] == b[k]:
            k += 1
        fail[i] = k
    text = a + a
    k = 0
    for ch in text:
        while k > 0 and ch != b[k]:
            k = fail[k - 1]
        if ch == b[k]:
            k += 1
        if k == len(b):
            return True
    return False
