# Builds each train set by scanning all indices and testing membership in list
# `test` and list `excluded`: O(n · test_size) per fold.
def time_series_split(n_samples, n_splits=5, *, max_train_size=None, test_size=None, gap=0):
    if n_splits < 2 or n_splits + 1 > n_samples:
        raise ValueError("bad n_splits")
    if test_size is None:
        test_size = n_samples // (n_splits + 1)
    if n_samples - gap - test_size * n_splits <= 0:
        raise ValueError("too many splits")
    folds = []
    for i in range(n_splits):
        start = n_samples - (n_splits - i) * test_size
        test = list(range(start, start + test_size))
        later = list(range(start - gap, n_samples))
        train = [j for j in range(n_samples) if j not in test and j not in later]
        if max_train_size and len(train) > max_train_size:
            train = train[-max_train_size:]
        folds.append((train, test))
    return folds
