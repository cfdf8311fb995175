def roc_auc(y_true, y_score):
    n = len(y_true)
    if len(y_score) != n:
        raise ValueError(f"y_true has {n} values but y_score has {len(y_score)}")
    positives = sum(1 for y in y_true if y)
    negatives = n - positives
    if positives == 0 or negatives == 0:
        raise ValueError("ROC AUC needs both classes in y_true")
    order = sorted(range(n), key=y_score.__getitem__)
    # Twice the Mann-Whitney U, kept as an exact integer: each positive beats the
    # negatives below its score group and ties (half) with those inside it.
    twice_u = 0
    negatives_below = 0
    i = 0
    while i < n:
        score = y_score[order[i]]
        pos = neg = 0
        while i < n and y_score[order[i]] == score:
            if y_true[order[i]]:
                pos += 1
            else:
                neg += 1
            i += 1
        twice_u += pos * (2 * negatives_below + neg)
        negatives_below += neg
    # int / int is correctly rounded: the one rounding of the whole computation.
    return twice_u / (2 * positives * negatives)
