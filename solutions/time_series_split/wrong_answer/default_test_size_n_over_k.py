# Defaults test_size to n_samples // n_splits, forgetting the first fold that only trains.
def time_series_split(n_samples, n_splits=5, *, max_train_size=None, test_size=None, gap=0):
    if n_splits < 2 or n_splits + 1 > n_samples:
        raise ValueError("bad n_splits")
    if test_size is None:
        test_size = n_samples // n_splits
    if n_samples - gap - test_size * n_splits < 0:
        raise ValueError("too many splits")
    folds = []
    for start in range(n_samples - n_splits * test_size, n_samples, test_size):
        end = start - gap
        lo = end - max_train_size if max_train_size and max_train_size < end else 0
        folds.append((list(range(lo, end)), list(range(start, start + test_size))))
    return folds
