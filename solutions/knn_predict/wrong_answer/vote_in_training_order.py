# Finds the right neighbours but counts them in training order, so a vote tie
# goes to the label seen first in the training set, not the nearest one.
def knn_predict(X_train, y_train, X_test, k):
    if k < 1 or k > len(X_train):
        raise ValueError("bad k")
    out = []
    for q in X_test:
        order = sorted((sum((a - b) ** 2 for a, b in zip(x, q)), i) for i, x in enumerate(X_train))
        chosen = sorted(i for _, i in order[:k])
        counts = {}
        for i in chosen:
            counts[y_train[i]] = counts.get(y_train[i], 0) + 1
        out.append(max(counts, key=counts.__getitem__))
    return out
