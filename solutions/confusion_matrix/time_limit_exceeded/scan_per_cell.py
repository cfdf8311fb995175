# Counts each cell with its own pass over the data: O(L²·n).
def confusion_matrix(y_true, y_pred, labels=None, normalize=None):
    if normalize not in (None, "true", "pred", "all"):
        raise ValueError("bad normalize")
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    elif not labels or not set(labels) & set(y_true):
        raise ValueError("bad labels")
    pairs = list(zip(y_true, y_pred))
    cm = [[sum(1 for t, p in pairs if t == a and p == b) for b in labels] for a in labels]
    if normalize is None:
        return cm
    L = len(labels)
    if normalize == "true":
        sums = [[sum(row)] * L for row in cm]
    elif normalize == "pred":
        col = [sum(r[j] for r in cm) for j in range(L)]
        sums = [col for _ in range(L)]
    else:
        total = sum(map(sum, cm))
        sums = [[total] * L for _ in range(L)]
    return [[c / s if s else 0.0 for c, s in zip(r, srow)] for r, srow in zip(cm, sums)]
