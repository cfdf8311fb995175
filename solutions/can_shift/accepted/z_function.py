# O(n) with the Z-function of b + separator + a + a, in plain Python.


def z_array(s):
    n = len(s)
    z = [0] * n
    left = right = 0
    for i in range(1, n):
        if i < right:
            z[i] = min(right - i, z[i - left])
        while i + z[i] < n and s[z[i]] == s[i + z[i]]:
            z[i] += 1
        if i + z[i] > right:
            left, right = i, i + z[i]
    return z


def can_shift(a, b):
    if len(a) != len(b):
        return False
    if len(a) == 0:
        return True
    s = list(b) + [None] + list(a + a)
    z = z_array(s)
    return any(v >= len(b) for v in z[len(b) + 1 :])
