# A learner's folds: one list of every index, then a slice of it for each fold.


def time_series_split(n_samples, n_splits=5, *, max_train_size=None, test_size=None, gap=0):
    if n_splits < 2 or n_splits >= n_samples:
        raise ValueError("invalid n_splits")
    if test_size is None:
        test_size = n_samples // (n_splits + 1)
    if n_samples - gap - n_splits * test_size <= 0:
        raise ValueError("not enough samples")
    indices = [i for i in range(n_samples)]
    splits = []
    start = n_samples - n_splits * test_size
    while start < n_samples:
        end = start - gap
        train = indices[:end]
        if max_train_size is not None and len(train) > max_train_size:
            train = train[len(train) - max_train_size :]
        splits.append((train, indices[start : start + test_size]))
        start += test_size
    return splits
