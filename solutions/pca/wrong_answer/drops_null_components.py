# Keeps only the components with a nonzero eigenvalue: when k exceeds the rank of the
# data it returns fewer than k columns.
import numpy as np


def pca(X, k):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    if not 1 <= k <= min(len(X), len(X[0])):
        raise ValueError("k out of range")
    A = np.asarray(X, dtype=float)
    Xc = A - A.mean(axis=0)
    U, S, _ = np.linalg.svd(Xc, full_matrices=False)
    keep = min(k, int((S > 1e-10 * max(S.max(), 1e-300)).sum()))
    return (U[:, :keep] * S[:keep]).reshape(len(X), keep)
