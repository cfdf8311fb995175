# Sorts by distance alone with reverse=True and then reads the list backwards,
# so equal distances come out highest index first.
def knn_predict(X_train, y_train, X_test, k):
    if k < 1 or k > len(X_train):
        raise ValueError("bad k")
    out = []
    for q in X_test:
        d = [sum((a - b) ** 2 for a, b in zip(x, q)) for x in X_train]
        order = sorted(range(len(X_train)), key=lambda i: d[i], reverse=True)[::-1]
        counts = {}
        for i in order[:k]:
            counts[y_train[i]] = counts.get(y_train[i], 0) + 1
        out.append(max(counts, key=counts.__getitem__))
    return out
