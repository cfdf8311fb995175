# A learner's kNN in plain Python: a distance function, sort by (distance, index),
# a dict of votes, and the tie broken by walking the neighbours nearest first.
import math


def distance(p, q):
    total = 0
    for a, b in zip(p, q):
        total += (a - b) ** 2
    return math.sqrt(total)


def knn_predict(X_train, y_train, X_test, k):
    if k < 1 or k > len(X_train):
        raise ValueError("bad k")
    result = []
    for q in X_test:
        neighbours = sorted(range(len(X_train)), key=lambda i: (distance(X_train[i], q), i))[:k]
        counts = {}
        for i in neighbours:
            counts[y_train[i]] = counts.get(y_train[i], 0) + 1
        top = max(counts.values())
        for i in neighbours:
            if counts[y_train[i]] == top:
                result.append(y_train[i])
                break
    return result
