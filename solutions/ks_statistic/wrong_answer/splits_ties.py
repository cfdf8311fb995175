# Walks the merged, sorted values one at a time and measures the gap after each, so a
# value present in both samples is counted in one CDF before the other: a gap that
# does not exist.
def ks_statistic(sample1, sample2):
    n, m = len(sample1), len(sample2)
    if n == 0 or m == 0:
        raise ValueError("empty sample")
    merged = sorted([(v, 0) for v in sample1] + [(v, 1) for v in sample2])
    i = j = 0
    d = 0.0
    for _, which in merged:
        if which == 0:
            i += 1
        else:
            j += 1
        d = max(d, abs(i / n - j / m))
    return d
