# Lays the test blocks out from the start (fold i tests [(i+1)·t, (i+2)·t)), so
# when n_samples is not a multiple the leftover samples are never used at all
# instead of joining the first training set.
def time_series_split(n_samples, n_splits=5, *, max_train_size=None, test_size=None, gap=0):
    if n_splits < 2 or n_splits + 1 > n_samples:
        raise ValueError("bad n_splits")
    if test_size is None:
        test_size = n_samples // (n_splits + 1)
    if n_samples - gap - test_size * n_splits <= 0:
        raise ValueError("too many splits")
    folds = []
    for i in range(n_splits):
        start = (i + 1) * test_size
        end = start - gap
        lo = end - max_train_size if max_train_size and max_train_size < end else 0
        folds.append((list(range(lo, end)), list(range(start, start + test_size))))
    return folds
