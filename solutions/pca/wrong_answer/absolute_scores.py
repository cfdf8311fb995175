# "Fixes" the sign ambiguity by taking absolute values: every score becomes positive,
# which is no sign convention at all.
import numpy as np


def pca(X, k):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    if not 1 <= k <= min(len(X), len(X[0])):
        raise ValueError("k out of range")
    A = np.asarray(X, dtype=float)
    Xc = A - A.mean(axis=0)
    U, S, _ = np.linalg.svd(Xc, full_matrices=False)
    return np.abs(U[:, :k] * S[:k])
