import numpy as np


def ks_statistic(sample1, sample2):
    if len(sample1) == 0 or len(sample2) == 0:
        raise ValueError("empty sample")
    a = np.sort(np.asarray(sample1, dtype=float))
    b = np.sort(np.asarray(sample2, dtype=float))
    x = np.concatenate([a, b])
    # side="right": every copy of x counts, in both samples.
    f1 = np.searchsorted(a, x, side="right") / len(a)
    f2 = np.searchsorted(b, x, side="right") / len(b)
    return float(np.abs(f1 - f2).max())
