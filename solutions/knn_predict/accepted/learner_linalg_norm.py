# A learner's kNN: np.linalg.norm for every (query, training point) pair, sort the
# (distance, index) pairs, count the votes of the first k in a dict.


def knn_predict(X_train, y_train, X_test, k):
    import numpy as np

    if k < 1 or k > len(X_train):
        raise ValueError("k must be between 1 and the number of training points")
    predictions = []
    for query in X_test:
        distances = []
        for i, point in enumerate(X_train):
            d = np.linalg.norm(np.array(point) - np.array(query))
            distances.append((d, i))
        distances.sort()
        votes = {}
        for d, i in distances[:k]:
            label = y_train[i]
            if label in votes:
                votes[label] += 1
            else:
                votes[label] = 1
        best = max(votes.values())
        for d, i in distances[:k]:
            if votes[y_train[i]] == best:
                predictions.append(y_train[i])
                break
    return predictions
