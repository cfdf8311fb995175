# Breaks a vote tie by the smallest label, as scikit-learn does; the rule is the nearest member.
def knn_predict(X_train, y_train, X_test, k):
    if k < 1 or k > len(X_train):
        raise ValueError("bad k")
    out = []
    for q in X_test:
        order = sorted((sum((a - b) ** 2 for a, b in zip(x, q)), i) for i, x in enumerate(X_train))
        counts = {}
        for _, i in order[:k]:
            counts[y_train[i]] = counts.get(y_train[i], 0) + 1
        best = max(counts.values())
        out.append(min(lab for lab, c in counts.items() if c == best))
    return out
