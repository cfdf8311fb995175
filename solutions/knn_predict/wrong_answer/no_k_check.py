# Forgets that k > len(X_train) is an error: slicing quietly takes every point.
def knn_predict(X_train, y_train, X_test, k):
    out = []
    for q in X_test:
        order = sorted((sum((a - b) ** 2 for a, b in zip(x, q)), i) for i, x in enumerate(X_train))
        counts = {}
        for _, i in order[: max(k, 1)]:
            counts[y_train[i]] = counts.get(y_train[i], 0) + 1
        out.append(max(counts, key=counts.__getitem__))
    return out
