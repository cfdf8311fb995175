def knn_predict(X_train, y_train, X_test, k):
    n = len(X_train)
    if k < 1 or k > n:
        raise ValueError(f"k must be between 1 and {n}, not {k}")
    predictions = []
    for q in X_test:
        # Squared distances order like distances; (distance, index) pairs sort
        # ties by the lower training index.
        order = sorted((sum((a - b) ** 2 for a, b in zip(x, q)), i) for i, x in enumerate(X_train))
        counts = {}
        for _, i in order[:k]:
            label = y_train[i]
            counts[label] = counts.get(label, 0) + 1
        # dicts keep insertion order, so among equal counts max() keeps the label
        # whose nearest member was seen first.
        predictions.append(max(counts, key=counts.__getitem__))
    return predictions
