METRICS = ("f1", "youden")


def best_threshold(y_true, y_score, metric="f1"):
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {METRICS}, not {metric!r}")
    n = len(y_true)
    if len(y_score) != n:
        raise ValueError(f"y_true has {n} values but y_score has {len(y_score)}")
    P = sum(1 for y in y_true if y)
    N = n - P
    if P == 0 or N == 0:
        raise ValueError("y_true needs both a positive and a negative")
    order = sorted(range(n), key=y_score.__getitem__, reverse=True)
    # Exact comparisons: each value is a fraction (numerator, denominator) of ints.
    best = best_num = best_den = None
    tp = fp = 0
    i = 0
    while i < n:
        t = y_score[order[i]]
        while i < n and y_score[order[i]] == t:  # a tied group moves together
            if y_true[order[i]]:
                tp += 1
            else:
                fp += 1
            i += 1
        if metric == "f1":
            num, den = 2 * tp, P + tp + fp
        else:
            num, den = tp * N - fp * P, P * N
        # Strictly better only: sweeping downwards, the largest threshold wins ties.
        if best is None or num * best_den > best_num * den:
            best, best_num, best_den = t, num, den
    return best
