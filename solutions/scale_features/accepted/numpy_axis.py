import numpy as np


def scale_features(X_train, X_test, method="standard"):
    if method not in ("standard", "minmax"):
        raise ValueError("unknown method")
    if len(X_train) == 0 or len(X_train[0]) == 0:
        raise ValueError("nothing to fit")
    d = len(X_train[0])
    if any(len(r) != d for r in X_train) or any(len(r) != d for r in X_test):
        raise ValueError("rows of different lengths")
    if len(X_test) == 0:
        return []
    A = np.asarray(X_train, dtype=float)
    B = np.asarray(X_test, dtype=float)
    lo, hi = A.min(axis=0), A.max(axis=0)
    if method == "standard":
        center, scale = A.mean(axis=0), A.std(axis=0)  # numpy's std divides by n
    else:
        center, scale = lo, hi - lo
    scale = np.where(lo == hi, 1.0, scale)
    return (B - center) / scale
