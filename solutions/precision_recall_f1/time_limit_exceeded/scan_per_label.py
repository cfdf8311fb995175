# Right answers, but counts each label with its own passes over the data: O(L·n).
def precision_recall_f1(y_true, y_pred, average=None, pos_label=1, zero_division=0.0):
    if average not in (None, "micro", "macro", "weighted", "binary") or zero_division not in (0, 1):
        raise ValueError("bad option")
    if isinstance(zero_division, str):
        raise ValueError("bad option")
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    labels = sorted(set(y_true) | set(y_pred))
    if average == "binary":
        if len(labels) > 2 or (len(labels) == 2 and pos_label not in labels):
            raise ValueError("bad binary")
        labels = [pos_label]
    rows = []
    for label in labels:
        tp = sum(1 for t, p in zip(y_true, y_pred) if t == label and p == label)
        rows.append((tp, y_pred.count(label), y_true.count(label)))
    if average == "micro":
        rows = [tuple(map(sum, zip(*rows)))]
    z = float(zero_division)
    prec = [a / p if p else z for a, p, _ in rows]
    rec = [a / t if t else z for a, _, t in rows]
    f1 = [2 * a / (t + p) if t + p else z for a, p, t in rows]
    if average is None:
        return prec, rec, f1, [t for *_, t in rows]
    w = [t for *_, t in rows] if average == "weighted" else [1] * len(rows)
    return tuple(sum(v * x for v, x in zip(vals, w)) / sum(w) for vals in (prec, rec, f1)) + (None,)
