# Divides every column by its standard deviation first (PCA of the correlation matrix):
# a different analysis, with different components, when the features' scales differ.
import numpy as np


def pca(X, k):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    if not 1 <= k <= min(len(X), len(X[0])):
        raise ValueError("k out of range")
    A = np.asarray(X, dtype=float)
    std = A.std(axis=0)
    Z = (A - A.mean(axis=0)) / np.where(std > 0, std, 1.0)
    U, S, _ = np.linalg.svd(Z, full_matrices=False)
    return U[:, :k] * S[:k]
