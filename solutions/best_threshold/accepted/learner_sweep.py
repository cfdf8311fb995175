def best_threshold(y_true, y_score, metric="f1"):
    if metric != "f1" and metric != "youden":
        raise ValueError("unknown metric")
    if len(y_true) != len(y_score) or len(y_true) == 0:
        raise ValueError("bad input")
    positives = 0
    for y in y_true:
        if y:
            positives += 1
    negatives = len(y_true) - positives
    if positives == 0 or negatives == 0:
        raise ValueError("need both classes")

    pairs = []
    for i in range(len(y_true)):
        pairs.append((y_score[i], y_true[i]))
    pairs.sort(reverse=True)  # highest score first

    best_t = None
    best_value = None
    tp = 0
    fp = 0
    i = 0
    while i < len(pairs):
        t = pairs[i][0]
        # everything with this same score is predicted positive together
        while i < len(pairs) and pairs[i][0] == t:
            if pairs[i][1]:
                tp += 1
            else:
                fp += 1
            i += 1
        if metric == "f1":
            value = 2 * tp / (positives + tp + fp)
        else:
            value = tp / positives - fp / negatives
        # ties (within rounding) keep the earlier, larger threshold
        if best_value is None or value > best_value + 1e-12:
            best_value = value
            best_t = t
    return best_t
