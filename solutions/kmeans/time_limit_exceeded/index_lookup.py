# Right answers, but finds each point's label with X.index(point): O(n) per point, so
# every update is O(n²).
def _assign(X, C):
    out = []
    for x in X:
        ds = [sum((a - b) ** 2 for a, b in zip(x, c)) for c in C]
        out.append(ds.index(min(ds)))
    return out


def kmeans(X, init, max_iter=300):
    if not X or not init or not X[0] or any(len(v) != len(X[0]) for v in X + init):
        raise ValueError("bad input")
    if len(init) > len(X) or max_iter < 1:
        raise ValueError("bad k or max_iter")
    C = [list(map(float, c)) for c in init]
    labels = _assign(X, C)
    for _ in range(max_iter):
        sums = [[0.0] * len(X[0]) for _ in C]
        counts = [0] * len(C)
        for point in X:
            j = labels[X.index(point)]  # the label of this point
            counts[j] += 1
            sums[j] = [s + v for s, v in zip(sums[j], point)]
        C = [[s / n for s in row] if n else c for row, n, c in zip(sums, counts, C)]
        new = _assign(X, C)
        if new == labels:
            break
        labels = new
    return labels, C
