# Appends a column of ones and takes the minimum-norm solution of [1 | X]: right whenever
# X has full rank, but on a rank-deficient X the intercept joins the norm, and part of it
# moves onto a constant column.
import numpy as np


def linear_regression(X, y):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    if len(y) != len(X):
        raise ValueError("X and y differ in length")
    A = np.asarray(X, dtype=float)
    b = np.asarray(y, dtype=float)
    w = np.linalg.lstsq(np.c_[np.ones(len(b)), A], b, rcond=None)[0]
    intercept, coef = w[0], w[1:]
    if np.all(b == b[0]):
        return coef, intercept, 1.0
    residuals = b - A @ coef - intercept
    return coef, intercept, 1 - (residuals @ residuals) / ((b - b.mean()) @ (b - b.mean()))
