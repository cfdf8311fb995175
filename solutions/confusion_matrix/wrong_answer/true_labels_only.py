# Builds the label list from y_true alone, so a label only ever predicted has no column.
def confusion_matrix(y_true, y_pred, labels=None, normalize=None):
    if normalize not in (None, "true", "pred", "all"):
        raise ValueError("bad normalize")
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    if labels is None:
        labels = sorted(set(y_true))
    elif not labels or not set(labels) & set(y_true):
        raise ValueError("bad labels")
    index = {v: i for i, v in enumerate(labels)}
    L = len(labels)
    cm = [[0] * L for _ in range(L)]
    for t, p in zip(y_true, y_pred):
        if t in index and p in index:
            cm[index[t]][index[p]] += 1
    if normalize is None:
        return cm
    if normalize == "true":
        return [[c / s if s else 0.0 for c in r] for r, s in ((r, sum(r)) for r in cm)]
    if normalize == "pred":
        cols = [sum(col) for col in zip(*cm)]
        return [[c / s if s else 0.0 for c, s in zip(r, cols)] for r in cm]
    total = sum(map(sum, cm))
    return [[c / total if total else 0.0 for c in r] for r in cm]
