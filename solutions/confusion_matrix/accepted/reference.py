NORMALIZE = (None, "true", "pred", "all")


def confusion_matrix(y_true, y_pred, labels=None, normalize=None):
    if normalize not in NORMALIZE:
        raise ValueError(f"normalize must be one of {NORMALIZE}, not {normalize!r}")
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has {len(y_true)} values but y_pred has {len(y_pred)}")
    if not y_true:
        raise ValueError("empty input")
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    elif not labels:
        raise ValueError("labels must hold at least one label")
    elif not set(labels) & set(y_true):
        raise ValueError("at least one of labels must occur in y_true")
    index = {label: i for i, label in enumerate(labels)}
    size = len(labels)
    counts = [[0] * size for _ in range(size)]
    for t, p in zip(y_true, y_pred):
        i, j = index.get(t), index.get(p)
        # Pairs with a label outside `labels` are not counted.
        if i is not None and j is not None:
            counts[i][j] += 1
    if normalize is None:
        return counts
    if normalize == "true":
        return [[c / s if s else 0.0 for c in row] for row, s in ((row, sum(row)) for row in counts)]
    if normalize == "pred":
        sums = [sum(col) for col in zip(*counts)]
        return [[c / s if s else 0.0 for c, s in zip(row, sums)] for row in counts]
    total = sum(map(sum, counts))
    return [[c / total if total else 0.0 for c in row] for row in counts]
