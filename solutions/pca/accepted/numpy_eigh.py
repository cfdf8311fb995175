import numpy as np


def pca(X, k):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    n, d = len(X), len(X[0])
    if not 1 <= k <= min(n, d):
        raise ValueError("k out of range")
    A = np.asarray(X, dtype=float)
    Xc = A - A.mean(axis=0)
    values, vectors = np.linalg.eigh(Xc.T @ Xc)  # increasing order
    top = vectors[:, ::-1][:, :k]  # so reverse it
    return Xc @ top
