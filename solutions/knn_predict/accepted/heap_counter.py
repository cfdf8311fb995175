# A heap picks the k nearest in O(n log k); Counter.most_common keeps first-seen order on ties.
import heapq
from collections import Counter


def knn_predict(X_train, y_train, X_test, k):
    if not 1 <= k <= len(X_train):
        raise ValueError("k out of range")
    out = []
    for q in X_test:
        dists = (
            (sum((a - b) * (a - b) for a, b in zip(x, q)), i) for i, x in enumerate(X_train)
        )
        nearest = heapq.nsmallest(k, dists)
        votes = Counter(y_train[i] for _, i in nearest)
        out.append(votes.most_common(1)[0][0])
    return out
