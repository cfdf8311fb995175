# Stops when the centroids' total squared shift is at most 1e-4 times the data's mean
# variance (scikit-learn's default tol), instead of when the assignments stop changing:
# a slowly converging run stops early.
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
    d, n = len(X[0]), len(X)
    variance = sum(sum(x[i] ** 2 for x in X) / n - (sum(x[i] for x in X) / n) ** 2 for i in range(d)) / d
    for _ in range(max_iter):
        new_C = []
        for j, c in enumerate(C):
            members = [x for x, l in zip(X, labels) if l == j]
            new_C.append([sum(col) / len(members) for col in zip(*members)] if members else c)
        shift = sum(sum((a - b) ** 2 for a, b in zip(p, q)) for p, q in zip(new_C, C))
        C = new_C
        labels = _assign(X, C)
        if shift <= 1e-4 * variance:
            break
    return labels, C
