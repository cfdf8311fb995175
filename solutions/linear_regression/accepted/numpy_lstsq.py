import numpy as np


def linear_regression(X, y):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    if len(y) != len(X):
        raise ValueError("X and y differ in length")
    A = np.asarray(X, dtype=float)
    b = np.asarray(y, dtype=float)
    Xc, yc = A - A.mean(axis=0), b - b.mean()
    coef = np.linalg.lstsq(Xc, yc, rcond=None)[0]  # the minimum-norm solution
    intercept = b.mean() - A.mean(axis=0) @ coef
    if np.all(b == b[0]):
        return coef, intercept, 1.0
    residuals = b - A @ coef - intercept
    return coef, intercept, 1 - (residuals @ residuals) / (yc @ yc)
