# Loops "assign, then update" and stops when the centroids stop moving: when max_iter runs
# out, the labels returned belong to the centroids before the last update.
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
    for _ in range(max_iter):
        labels = _assign(X, C)
        new = []
        for j, c in enumerate(C):
            members = [x for x, l in zip(X, labels) if l == j]
            new.append([sum(col) / len(members) for col in zip(*members)] if members else c)
        if new == C:
            break
        C = new
    return labels, C
