# Forgets the intercept: fits y = X·coef through the origin and returns intercept 0.
import numpy as np


def linear_regression(X, y):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    if len(y) != len(X):
        raise ValueError("X and y differ in length")
    A = np.asarray(X, dtype=float)
    b = np.asarray(y, dtype=float)
    coef = np.linalg.lstsq(A, b, rcond=None)[0]
    if np.all(b == b[0]):
        return coef, 0.0, 1.0
    residuals = b - A @ coef
    return coef, 0.0, 1 - (residuals @ residuals) / ((b - b.mean()) @ (b - b.mean()))
