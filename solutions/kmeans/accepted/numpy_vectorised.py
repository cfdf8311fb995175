import numpy as np


def kmeans(X, init, max_iter=300):
    if len(X) == 0 or len(init) == 0:
        raise ValueError("need points and centroids")
    d = len(X[0])
    if d == 0 or any(len(p) != d for p in X) or any(len(c) != d for c in init):
        raise ValueError("dimensions differ")
    if len(init) > len(X) or max_iter < 1:
        raise ValueError("k > n or max_iter < 1")
    P = np.asarray(X, dtype=float)
    C = np.asarray(init, dtype=float).copy()
    k = len(C)

    def assign(C):
        # argmin returns the first minimum: ties go to the lowest index.
        return ((P[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)

    labels = assign(C)
    for _ in range(max_iter):
        counts = np.bincount(labels, minlength=k)
        sums = np.zeros_like(C)
        np.add.at(sums, labels, P)
        filled = counts > 0
        C[filled] = sums[filled] / counts[filled, None]  # empty clusters keep their centroid
        new = assign(C)
        if np.array_equal(new, labels):
            break
        labels = new
    return labels.tolist(), C
