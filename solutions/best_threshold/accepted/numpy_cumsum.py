import numpy as np


def best_threshold(y_true, y_score, metric="f1"):
    if metric not in ("f1", "youden"):
        raise ValueError("unknown metric")
    if len(y_true) != len(y_score) or len(y_true) == 0:
        raise ValueError("bad input")
    y = np.asarray(y_true, dtype=bool)
    P = int(y.sum())
    N = len(y) - P
    if P == 0 or N == 0:
        raise ValueError("need both classes")
    s = np.asarray(y_score, dtype=float)
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    last = np.r_[s[1:] != s[:-1], True]  # the end of each group of equal scores
    tp = np.cumsum(y)[last]
    fp = np.cumsum(~y)[last]
    if metric == "f1":
        value = 2 * tp / (P + tp + fp)
    else:
        value = (tp * N - fp * P) / (P * N)  # one division: equal fractions, equal floats
    first = int(np.argmax(value >= value.max() - 1e-12))  # the largest threshold among the best
    position = int(order[np.flatnonzero(last)[first]])
    return y_score[position]  # as given: an int stays an int
