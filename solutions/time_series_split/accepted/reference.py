def time_series_split(n_samples, n_splits=5, *, max_train_size=None, test_size=None, gap=0):
    if n_splits < 2:
        raise ValueError(f"n_splits must be at least 2, not {n_splits}")
    n_folds = n_splits + 1
    if test_size is None:
        test_size = n_samples // n_folds
    if n_folds > n_samples:
        raise ValueError(f"cannot have {n_folds} folds with only {n_samples} samples")
    if n_samples - gap - test_size * n_splits <= 0:
        raise ValueError(
            f"too many splits ({n_splits}) for {n_samples} samples with test_size={test_size} and gap={gap}"
        )
    folds = []
    for test_start in range(n_samples - n_splits * test_size, n_samples, test_size):
        train_end = test_start - gap
        train_start = train_end - max_train_size if max_train_size and max_train_size < train_end else 0
        folds.append((list(range(train_start, train_end)), list(range(test_start, test_start + test_size))))
    return folds
