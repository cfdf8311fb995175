# Uses "<=" while scanning the centroids: a point equally far from two goes to the later one.
def _assign(X, C):
    out = []
    for x in X:
        best, best_d = 0, None
        for j, c in enumerate(C):
            d = sum((a - b) ** 2 for a, b in zip(x, c))
            if best_d is None or d <= best_d:
                best, best_d = j, d
        out.append(best)
    return out


def kmeans(X, init, max_iter=300):
    if not X or not init or not X[0] or any(len(v) != len(X[0]) for v in X + init):
        raise ValueError("bad input")
    if len(init) > len(X) or max_iter < 1:
        raise ValueError("bad k or max_iter")
    C = [list(map(float, c)) for c in init]
    labels = _assign(X, C)
    for _ in range(max_iter):
        for j in range(len(C)):
            members = [x for x, l in zip(X, labels) if l == j]
            if members:
                C[j] = [sum(col) / len(members) for col in zip(*members)]
        new = _assign(X, C)
        if new == labels:
            break
        labels = new
    return labels, C
