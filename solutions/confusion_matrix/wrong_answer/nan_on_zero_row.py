# Divides by the row (or column) sum without guarding zero: 0/0 gives NaN, the rule says 0.0.
import warnings

import numpy as np


def confusion_matrix(y_true, y_pred, labels=None, normalize=None):
    if normalize not in (None, "true", "pred", "all"):
        raise ValueError("bad normalize")
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("bad input")
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    elif not labels or not set(labels) & set(y_true):
        raise ValueError("bad labels")
    index = {v: i for i, v in enumerate(labels)}
    L = len(labels)
    cm = np.zeros((L, L))
    for t, p in zip(y_true, y_pred):
        if t in index and p in index:
            cm[index[t], index[p]] += 1
    if normalize is None:
        return cm.astype(int)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if normalize == "true":
            return cm / cm.sum(axis=1, keepdims=True)
        if normalize == "pred":
            return cm / cm.sum(axis=0, keepdims=True)
        return cm / cm.sum()
