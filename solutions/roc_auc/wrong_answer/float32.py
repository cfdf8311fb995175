# Right algorithm, computed in float32 (to save memory): about 7 digits, so answers are
# off by about 1e-8 against a tolerance of 1e-9. The statement asks for float64.
import numpy as np


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    y = np.asarray(y_true, dtype=bool)
    P = int(y.sum())
    N = len(y) - P
    if P == 0 or N == 0:
        raise ValueError("only one class")
    _, inverse, counts = np.unique(np.asarray(y_score, dtype=np.float32), return_inverse=True, return_counts=True)
    midranks = (np.cumsum(counts) - (counts - 1) / 2.0).astype(np.float32)
    rank_sum = midranks[inverse][y].sum(dtype=np.float32)
    return (rank_sum - np.float32(P * (P + 1) / 2)) / np.float32(P * N)
