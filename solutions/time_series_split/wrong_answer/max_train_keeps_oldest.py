# Caps the training set at max_train_size by keeping its oldest samples, not the most recent.
def time_series_split(n_samples, n_splits=5, *, max_train_size=None, test_size=None, gap=0):
    if n_splits < 2 or n_splits + 1 > n_samples:
        raise ValueError("bad n_splits")
    if test_size is None:
        test_size = n_samples // (n_splits + 1)
    if n_samples - gap - test_size * n_splits <= 0:
        raise ValueError("too many splits")
    folds = []
    for start in range(n_samples - n_splits * test_size, n_samples, test_size):
        end = start - gap
        train = list(range(end))
        if max_train_size:
            train = train[:max_train_size]
        folds.append((train, list(range(start, start + test_size))))
    return folds
