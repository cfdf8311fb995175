import numpy as np


def precision_recall_f1(y_true, y_pred, average=None, pos_label=1, zero_division=0.0):
    if average not in (None, "micro", "macro", "weighted", "binary"):
        raise ValueError("bad average")
    if isinstance(zero_division, str) or zero_division not in (0, 1):
        raise ValueError("zero_division must be 0 or 1")
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("bad input")
    labels = sorted(set(y_true) | set(y_pred))
    index = {label: i for i, label in enumerate(labels)}  # np.unique on strings is slow
    L, n = len(labels), len(y_true)
    t = np.fromiter(map(index.__getitem__, y_true), dtype=np.intp, count=n)
    p = np.fromiter(map(index.__getitem__, y_pred), dtype=np.intp, count=n)
    true = np.bincount(t, minlength=L)
    pred = np.bincount(p, minlength=L)
    tp = np.bincount(t[t == p], minlength=L)
    if average == "binary":
        if L > 2 or (L == 2 and pos_label not in labels):
            raise ValueError("binary needs at most two labels, pos_label among them")
        if pos_label in labels:
            i = labels.index(pos_label)
            tp, pred, true = tp[i : i + 1], pred[i : i + 1], true[i : i + 1]
        else:
            tp = pred = true = np.zeros(1, dtype=int)
    elif average == "micro":
        tp, pred, true = tp.sum(keepdims=True), pred.sum(keepdims=True), true.sum(keepdims=True)

    def divide(a, b):
        return np.divide(a, b, out=np.full(len(b), float(zero_division)), where=b > 0)

    precision, recall, f1 = divide(tp, pred), divide(tp, true), divide(2 * tp, true + pred)
    if average is None:
        return precision, recall, f1, true
    weights = true if average == "weighted" else None
    return tuple(float(np.average(v, weights=weights)) for v in (precision, recall, f1)) + (None,)
