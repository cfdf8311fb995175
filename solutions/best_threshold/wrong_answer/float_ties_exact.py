# Computes J as tpr - fpr and compares floats exactly: 0.6 - 0.2 is 0.39999999999999997
# and 1.0 - 0.6 is 0.4, so an equal J at a smaller threshold wins the tie.
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
        v = 2 * tp / (P + tp + fp) if metric == "f1" else tp / P - fp / N
        if best_v is None or v > best_v:
            best_t, best_v = t, v
    return best_t
