# Selects the neighbours one at a time, each by a linear scan over the unused
# points: O(n·k) per query, which is O(n²) when k is half the training set.
def knn_predict(X_train, y_train, X_test, k):
    n = len(X_train)
    if k < 1 or k > n:
        raise ValueError("bad k")
    out = []
    for q in X_test:
        d = [sum((a - b) ** 2 for a, b in zip(x, q)) for x in X_train]
        used = [False] * n
        counts, first = {}, {}
        for rank in range(k):
            best = -1
            for i in range(n):
                if not used[i] and (best < 0 or d[i] < d[best]):
                    best = i
            used[best] = True
            label = y_train[best]
            counts[label] = counts.get(label, 0) + 1
            first.setdefault(label, rank)
        out.append(min(counts, key=lambda lab: (-counts[lab], first[lab])))
    return out
