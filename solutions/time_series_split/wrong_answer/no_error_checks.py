# Computes the folds without any of the ValueError checks, returning empty or
# partial index lists where scikit-learn refuses.
def time_series_split(n_samples, n_splits=5, *, max_train_size=None, test_size=None, gap=0):
    if test_size is None:
        test_size = n_samples // (n_splits + 1)
    folds = []
    for i in range(n_splits):
        start = n_samples - (n_splits - i) * test_size
        end = max(0, start - gap)
        lo = end - max_train_size if max_train_size and max_train_size < end else 0
        folds.append((list(range(lo, end)), list(range(max(0, start), start + test_size))))
    return folds
