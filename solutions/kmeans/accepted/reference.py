def _assign(X, C):
    labels = []
    for x in X:
        best, best_d = 0, None
        for j, c in enumerate(C):
            d = 0.0  # the squared Euclidean distance
            for a, b in zip(x, c):
                t = a - b
                d += t * t
            if best_d is None or d < best_d:  # strictly nearer: ties keep the lower index
                best, best_d = j, d
        labels.append(best)
    return labels


def _update(X, labels, C):
    d = len(C[0])
    sums = [[0.0] * d for _ in C]
    counts = [0] * len(C)
    for x, j in zip(X, labels):
        counts[j] += 1
        row = sums[j]
        for i in range(d):
            row[i] += x[i]
    # An empty cluster keeps its centroid.
    return [[s / n for s in row] if n else list(c) for row, n, c in zip(sums, counts, C)]


def kmeans(X, init, max_iter=300):
    if not X or not init:
        raise ValueError("X and init need at least one point each")
    d = len(X[0])
    if d == 0 or any(len(v) != d for v in X) or any(len(c) != d for c in init):
        raise ValueError("every point and centroid must have the same dimension (at least 1)")
    if len(init) > len(X):
        raise ValueError(f"{len(init)} centroids for {len(X)} points: k must not exceed n")
    if max_iter < 1:
        raise ValueError(f"max_iter must be at least 1, not {max_iter}")
    C = [list(map(float, c)) for c in init]
    labels = _assign(X, C)
    for _ in range(max_iter):
        C = _update(X, labels, C)
        new = _assign(X, C)
        if new == labels:
            break
        labels = new
    return labels, C
