# Measures F1(x) - F2(x) without the absolute value: only the one-sided statistic.
def ks_statistic(sample1, sample2):
    n, m = len(sample1), len(sample2)
    if n == 0 or m == 0:
        raise ValueError("empty sample")
    a, b = sorted(sample1), sorted(sample2)
    i = j = 0
    d = 0.0
    while i < n and j < m:
        x = min(a[i], b[j])
        while i < n and a[i] == x:
            i += 1
        while j < m and b[j] == x:
            j += 1
        d = max(d, i / n - j / m)
    return d
