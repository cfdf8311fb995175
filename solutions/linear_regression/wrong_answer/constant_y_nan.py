# Applies the R² formula to a constant y: 0/0 is NaN, where the rule says 1.0.
import warnings

import numpy as np


def linear_regression(X, y):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    if len(y) != len(X):
        raise ValueError("X and y differ in length")
    A = np.asarray(X, dtype=float)
    b = np.asarray(y, dtype=float)
    Xc, yc = A - A.mean(axis=0), b - b.mean()
    coef = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    intercept = b.mean() - A.mean(axis=0) @ coef
    residuals = b - A @ coef - intercept
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return coef, intercept, float(1 - np.float64(residuals @ residuals) / np.float64(yc @ yc))
