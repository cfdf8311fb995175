# Takes F1 as the harmonic mean of precision and recall, and applies zero_division when
# both are 0: with zero_division=1, a label with no true positive gets F1 = 1, not 0.
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
    tp, pred, true = dict.fromkeys(labels, 0), dict.fromkeys(labels, 0), dict.fromkeys(labels, 0)
    for t, p in zip(y_true, y_pred):
        if t in true:
            true[t] += 1
            tp[t] += t == p
        if p in pred:
            pred[p] += 1
    rows = [(tp[x], pred[x], true[x]) for x in labels]
    if average == "micro":
        rows = [tuple(map(sum, zip(*rows)))]
    z = float(zero_division)
    prec = [a / p if p else z for a, p, _ in rows]
    rec = [a / t if t else z for a, _, t in rows]
    f1 = [2 * p * r / (p + r) if p + r else z for p, r in zip(prec, rec)]
    if average is None:
        return prec, rec, f1, [t for *_, t in rows]
    w = [t for *_, t in rows] if average == "weighted" else [1] * len(rows)
    return tuple(sum(v * x for v, x in zip(vals, w)) / sum(w) for vals in (prec, rec, f1)) + (None,)
