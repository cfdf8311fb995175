# Right answers, but each CDF is evaluated by scanning a whole sample for every value:
# O((n+m)²).
def ks_statistic(sample1, sample2):
    n, m = len(sample1), len(sample2)
    if n == 0 or m == 0:
        raise ValueError("empty sample")
    d = 0.0
    for x in sample1 + sample2:
        f1 = sum(1 for v in sample1 if v <= x) / n
        f2 = sum(1 for v in sample2 if v <= x) / m
        d = max(d, abs(f1 - f2))
    return d
