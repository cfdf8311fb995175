# Keeps the last best value met while sweeping down, so ties go to the smallest threshold.
def best_threshold(y_true, y_score, metric="f1"):
    if metric not in ("f1", "youden"):
        raise ValueError("unknown metric")
    if len(y_true) != len(y_score) or not y_true:
        raise ValueError("bad input")
    P = sum(1 for y in y_true if y)
    N = len(y_true) - P
    if P == 0 or N == 0:
        raise ValueError("need both classes")
    order = sorted(range(len(y_true)), key=y_score.__getitem__, reverse=True)
    best_t, best_v, tp, fp, i = None, None, 0, 0, 0
    while i < len(order):
        t = y_score[order[i]]
        while i < len(order) and y_score[order[i]] == t:
            tp += bool(y_true[order[i]])
            fp += not y_true[order[i]]
            i += 1
        v = 2 * tp / (P + tp + fp) if metric == "f1" else (tp * N - fp * P) / (P * N)
        if best_v is None or v > best_v + 1e-12:
            best_t, best_v = t, v
        elif v >= best_v - 1e-12:
            best_t = t  # a tie: the later, smaller threshold replaces it
    return best_t
