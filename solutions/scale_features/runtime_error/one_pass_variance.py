# Computes the variance in one pass as mean(x²) - mean²: on large values with a small
# spread (timestamps) it cancels catastrophically, down to 0 or below, and the division
# (or the square root) fails.
import math


def scale_features(X_train, X_test, method="standard"):
    if method not in ("standard", "minmax"):
        raise ValueError("unknown method")
    if not X_train or not X_train[0]:
        raise ValueError("nothing to fit")
    d = len(X_train[0])
    if any(len(r) != d for r in X_train + X_test):
        raise ValueError("rows of different lengths")
    n = len(X_train)
    centers, scales = [], []
    for col in zip(*X_train):
        if method == "minmax":
            centers.append(min(col))
            scales.append(max(col) - min(col) or 1.0)
            continue
        mean = sum(col) / n
        var = sum(x * x for x in col) / n - mean * mean
        centers.append(mean)
        scales.append(math.sqrt(var) if min(col) != max(col) else 1.0)
    return [[(x - c) / s for x, c, s in zip(row, centers, scales)] for row in X_test]
