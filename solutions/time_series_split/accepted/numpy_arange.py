import numpy as np


def time_series_split(n_samples, n_splits=5, *, max_train_size=None, test_size=None, gap=0):
    if n_splits < 2 or n_splits + 1 > n_samples:
        raise ValueError("bad n_splits for this many samples")
    test_size = n_samples // (n_splits + 1) if test_size is None else test_size
    if n_samples - gap - test_size * n_splits <= 0:
        raise ValueError("too many splits")
    idx = np.arange(n_samples)
    folds = []
    for i in range(n_splits):
        start = n_samples - (n_splits - i) * test_size
        end = start - gap
        lo = max(0, end - max_train_size) if max_train_size else 0
        folds.append((idx[lo:end], idx[start : start + test_size]))
    return folds
