# Right answers, but the covariance loop calls mean() for every term: O(n²·d²).
import numpy as np


def mean(values):
    return sum(values) / len(values)


def pca(X, k):
    if len(X) == 0 or len(X[0]) == 0 or any(len(r) != len(X[0]) for r in X):
        raise ValueError("X must be a non-empty matrix")
    n, d = len(X), len(X[0])
    if not 1 <= k <= min(n, d):
        raise ValueError("k out of range")
    cov = [[0.0] * d for _ in range(d)]
    for a in range(d):
        for b in range(d):
            cov[a][b] = sum(
                (X[i][a] - mean([r[a] for r in X])) * (X[i][b] - mean([r[b] for r in X])) for i in range(n)
            ) / max(n - 1, 1)
    values, vectors = np.linalg.eigh(np.array(cov))
    top = vectors[:, ::-1][:, :k]
    A = np.asarray(X, dtype=float)
    return (A - A.mean(axis=0)) @ top
