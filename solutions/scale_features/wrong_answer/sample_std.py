# Uses the sample standard deviation (n - 1), as statistics.stdev and pandas do.
import statistics


def scale_features(X_train, X_test, method="standard"):
    if method not in ("standard", "minmax"):
        raise ValueError("unknown method")
    if not X_train or not X_train[0]:
        raise ValueError("nothing to fit")
    d = len(X_train[0])
    if any(len(r) != d for r in X_train + X_test):
        raise ValueError("rows of different lengths")
    centers, scales = [], []
    for col in zip(*X_train):
        if method == "minmax":
            centers.append(min(col))
            scales.append(max(col) - min(col) or 1.0)
        else:
            centers.append(statistics.fmean(col))
            scales.append(statistics.stdev(col) if len(col) > 1 and min(col) != max(col) else 1.0)
    return [[(x - c) / s for x, c, s in zip(row, centers, scales)] for row in X_test]
