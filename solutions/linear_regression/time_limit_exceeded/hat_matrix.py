# Right answers, but computes the fitted values through the n×n hat matrix,
# ŷ = ȳ + H·yc with H = Xc·(XcᵀXc)⁺·Xcᵀ, one entry at a time: O(n²·d).
import numpy as np


def linear_regression(X, y):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    if len(y) != len(X):
        raise ValueError("X and y differ in length")
    A = np.asarray(X, dtype=float)
    b = np.asarray(y, dtype=float)
    Xc, yc = A - A.mean(axis=0), b - b.mean()
    P = np.linalg.pinv(Xc.T @ Xc, rcond=1e-10, hermitian=True)
    coef = P @ (Xc.T @ yc)
    intercept = b.mean() - A.mean(axis=0) @ coef
    if np.all(b == b[0]):
        return coef, intercept, 1.0
    rows = (Xc @ P).tolist()
    xs = Xc.tolist()
    ycs = yc.tolist()
    ss_res = 0.0
    for i, row in enumerate(rows):
        fitted = b.mean()
        for j, x in enumerate(xs):
            fitted += sum(p * q for p, q in zip(row, x)) * ycs[j]
        ss_res += (y[i] - fitted) ** 2
    return coef, intercept, 1 - ss_res / float(yc @ yc)
