# A learner's folds: compute each fold's boundaries, then fill the index lists with
# append loops. Linear in the size of the answer.


def time_series_split(n_samples, n_splits=5, *, max_train_size=None, test_size=None, gap=0):
    if n_splits < 2:
        raise ValueError("n_splits must be at least 2")
    if n_splits + 1 > n_samples:
        raise ValueError("too many splits for the number of samples")
    if test_size is None:
        test_size = n_samples // (n_splits + 1)
    if n_samples - gap - test_size * n_splits <= 0:
        raise ValueError("too many splits for this test_size and gap")

    folds = []
    for i in range(n_splits):
        test_start = n_samples - (n_splits - i) * test_size
        train_end = test_start - gap
        train_start = 0
        if max_train_size is not None and max_train_size < train_end:
            train_start = train_end - max_train_size
        train = []
        for j in range(train_start, train_end):
            train.append(j)
        test = []
        for j in range(test_start, test_start + test_size):
            test.append(j)
        folds.append((train, test))
    return folds
