# Guards every division with "or 0": a label that is never predicted (or never true)
# gets 0 even when zero_division=1 asks for 1.
def precision_recall_f1(y_true, y_pred, average=None, pos_label=1, zero_division=0.0):
    if average not in (None, "micro", "macro", "weighted", "binary") or zero_division not in (0, 1):
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
        tp = sum(1 for t, p in zip(y_true, y_pred) if t == p == label)
        pred = y_pred.count(label)
        true = y_true.count(label)
        rows.append((tp, pred, true))
    if average == "micro":
        rows = [tuple(map(sum, zip(*rows)))]
    prec = [tp / pred if pred else 0.0 for tp, pred, _ in rows]
    rec = [tp / true if true else 0.0 for tp, _, true in rows]
    f1 = [2 * tp / (true + pred) if true + pred else 0.0 for tp, pred, true in rows]
    if average is None:
        return prec, rec, f1, [true for *_, true in rows]
    w = [true for *_, true in rows] if average == "weighted" else [1] * len(rows)
    return tuple(sum(v * x for v, x in zip(vals, w)) / sum(w) for vals in (prec, rec, f1)) + (None,)
