# Predicts positive when the score is strictly greater than t: each candidate's counts
# belong to the next threshold up, and "everything positive" is never tried.
def best_threshold(y_true, y_score, metric="f1"):
    if metric not in ("f1", "youden"):
        raise ValueError("unknown metric")
    if len(y_true) != len(y_score) or not y_true:
        raise ValueError("bad input")
    P = sum(1 for y in y_true if y)
    N = len(y_true) - P
    if P == 0 or N == 0:
        raise ValueError("need both classes")
    best_t, best_v = None, None
    for t in sorted(set(y_score), reverse=True):
        tp = sum(1 for s, y in zip(y_score, y_true) if y and s > t)
        fp = sum(1 for s, y in zip(y_score, y_true) if not y and s > t)
        v = 2 * tp / (P + tp + fp) if metric == "f1" else (tp * N - fp * P) / (P * N)
        if best_v is None or v > best_v + 1e-12:
            best_t, best_v = t, v
    return best_t
