import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    if k < 1 or k > len(X_train):
        raise ValueError("k must be in 1..len(X_train)")
    if len(X_test) == 0:
        return []
    X = np.asarray(X_train)
    result = []
    for q in np.asarray(X_test):
        d = ((X - q) ** 2).sum(axis=1)
        # A stable sort keeps the lower index first among equal distances.
        nearest = np.argsort(d, kind="stable")[:k]
        labels = [y_train[i] for i in nearest]
        counts = {}
        for lab in labels:
            counts[lab] = counts.get(lab, 0) + 1
        best = max(counts.values())
        result.append(next(lab for lab in labels if counts[lab] == best))
    return result
