# Divides both counts by the size of the first sample, as if the samples had the same size.
def ks_statistic(sample1, sample2):
    n = len(sample1)
    if n == 0 or len(sample2) == 0:
        raise ValueError("empty sample")
    a, b = sorted(sample1), sorted(sample2)
    i = j = 0
    d = 0.0
    while i < len(a) and j < len(b):
        x = min(a[i], b[j])
        while i < len(a) and a[i] == x:
            i += 1
        while j < len(b) and b[j] == x:
            j += 1
        d = max(d, abs(i - j) / n)
    return d
