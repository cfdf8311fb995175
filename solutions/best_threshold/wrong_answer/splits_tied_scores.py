# Sorts the samples and measures the metric after each one, so a threshold can fall
# inside a group of equal scores: a prediction no threshold can make.
def best_threshold(y_true, y_score, metric="f1"):
    if metric not in ("f1", "youden"):
        raise ValueError("unknown metric")
    if len(y_true) != len(y_score) or not y_true:
        raise ValueError("bad input")
    P = sum(1 for y in y_true if y)
    N = len(y_true) - P
    if P == 0 or N == 0:
        raise ValueError("need both classes")
    pairs = sorted(zip(y_score, [int(bool(y)) for y in y_true]), reverse=True)
    best_t, best_v, tp, fp = None, None, 0, 0
    for t, y in pairs:
        tp += y
        fp += 1 - y
        v = 2 * tp / (P + tp + fp) if metric == "f1" else (tp * N - fp * P) / (P * N)
        if best_v is None or v > best_v + 1e-12:
            best_t, best_v = t, v
    return best_t
