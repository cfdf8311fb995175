# Counts each value, then walks the distinct values in order, adding up both CDFs.
def ks_statistic(sample1, sample2):
    n = len(sample1)
    m = len(sample2)
    if n == 0 or m == 0:
        raise ValueError("both samples must have values")
    counts1 = {}
    for v in sample1:
        counts1[v] = counts1.get(v, 0) + 1
    counts2 = {}
    for v in sample2:
        counts2[v] = counts2.get(v, 0) + 1
    values = sorted(set(sample1) | set(sample2))
    below1 = 0
    below2 = 0
    biggest_gap = 0.0
    for x in values:
        below1 += counts1.get(x, 0)
        below2 += counts2.get(x, 0)
        gap = abs(below1 / n - below2 / m)
        if gap > biggest_gap:
            biggest_gap = gap
    return biggest_gap
