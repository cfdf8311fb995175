# Returns NaN for a single class, as scikit-learn now does, instead of raising ValueError.
import numpy as np


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    y = np.asarray(y_true, dtype=bool)
    P = int(y.sum())
    N = len(y) - P
    if P == 0 or N == 0:
        return float("nan")
    _, inverse, counts = np.unique(np.asarray(y_score, dtype=float), return_inverse=True, return_counts=True)
    midranks = np.cumsum(counts) - (counts - 1) / 2.0
    return float((midranks[inverse][y].sum() - P * (P + 1) / 2) / (P * N))
