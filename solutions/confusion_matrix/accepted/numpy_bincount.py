import numpy as np


def confusion_matrix(y_true, y_pred, labels=None, normalize=None):
    if normalize not in (None, "true", "pred", "all"):
        raise ValueError("bad normalize")
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("y_true and y_pred must be non-empty and of equal length")
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    elif len(labels) == 0 or not set(labels) & set(y_true):
        raise ValueError("labels must include a value of y_true")
    index = {label: i for i, label in enumerate(labels)}
    L = len(labels)
    t = np.array([index.get(v, -1) for v in y_true])
    p = np.array([index.get(v, -1) for v in y_pred])
    keep = (t >= 0) & (p >= 0)
    cm = np.bincount(t[keep] * L + p[keep], minlength=L * L).reshape(L, L)
    if normalize is None:
        return cm
    if normalize == "true":
        sums = cm.sum(axis=1, keepdims=True)
    elif normalize == "pred":
        sums = cm.sum(axis=0, keepdims=True)
    else:
        sums = cm.sum()
    # Divide only where the sum is positive; elsewhere leave 0.0 (not NaN).
    return np.divide(cm, sums, out=np.zeros((L, L)), where=np.broadcast_to(sums, (L, L)) > 0)
