# A learner's O(n) expected time: Rabin-Karp over a + a, a polynomial hash updated in
# O(1) per step, and a direct comparison only when the hashes match.

BASE = 131
MOD = (1 << 61) - 1


def can_shift(a, b):
    n = len(a)
    if n != len(b):
        return False
    if n == 0:
        return True
    text = a + a
    target = 0
    window = 0
    for i in range(n):
        target = (target * BASE + ord(b[i])) % MOD
        window = (window * BASE + ord(text[i])) % MOD
    high = pow(BASE, n - 1, MOD)
    for start in range(n + 1):
        if window == target and text[start : start + n] == b:
            return True
        if start + n < len(text):
            window = (window - ord(text[start]) * high) % MOD
            window = (window * BASE + ord(text[start + n])) % MOD
    return False
