def ks_statistic(sample1, sample2):
    n, m = len(sample1), len(sample2)
    if n == 0 or m == 0:
        raise ValueError("both samples need at least one value")
    a, b = sorted(sample1), sorted(sample2)
    i = j = 0
    best = 0  # the largest |i·m − j·n|, an exact integer
    while i < n or j < m:
        # The next value of either sample; take every copy of it from both.
        x = a[i] if j == m or (i < n and a[i] <= b[j]) else b[j]
        while i < n and a[i] == x:
            i += 1
        while j < m and b[j] == x:
            j += 1
        best = max(best, abs(i * m - j * n))
    # int / int is correctly rounded: the one rounding of the whole computation.
    return best / (n * m)
