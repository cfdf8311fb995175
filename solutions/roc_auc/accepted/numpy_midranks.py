# Mann-Whitney with mid-ranks: AUC = (sum of the positives' ranks - P(P+1)/2) / (P·N).
import numpy as np


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    y = np.asarray(y_true, dtype=bool)
    P = int(y.sum())
    N = len(y) - P
    if P == 0 or N == 0:
        raise ValueError("only one class")
    _, inverse, counts = np.unique(np.asarray(y_score, dtype=float), return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)  # 1-based rank of each group's last member
    midranks = ends - (counts - 1) / 2.0
    rank_sum = midranks[inverse][y].sum()  # half-integers: exact in float64 at these sizes
    return float((rank_sum - P * (P + 1) / 2) / (P * N))
