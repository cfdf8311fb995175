# Right answers, but recomputes the column's statistics for every test value: O(m·n·d).
import math


def _stats(X_train, j, method):
    col = [row[j] for row in X_train]
    lo, hi = min(col), max(col)
    if method == "minmax":
        return lo, (hi - lo) if lo != hi else 1.0
    mean = sum(col) / len(col)
    std = math.sqrt(sum((x - mean) ** 2 for x in col) / len(col))
    return mean, std if lo != hi else 1.0


def scale_features(X_train, X_test, method="standard"):
    if method not in ("standard", "minmax"):
        raise ValueError("unknown method")
    if not X_train or not X_train[0]:
        raise ValueError("nothing to fit")
    d = len(X_train[0])
    if any(len(r) != d for r in X_train + X_test):
        raise ValueError("rows of different lengths")
    out = []
    for row in X_test:
        new = []
        for j, x in enumerate(row):
            center, scale = _stats(X_train, j, method)
            new.append((x - center) / scale)
        out.append(new)
    return out
