# Counts only strictly lower negatives: a tie counts 0, not one half.
def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    pairs = sorted(zip(y_score, [-int(y) for y in y_true]))  # positives first within a tie
    P = -sum(y for _, y in pairs)
    N = len(pairs) - P
    if P == 0 or N == 0:
        raise ValueError("one class")
    wins = seen_neg = 0
    for _, y in pairs:
        if y:
            wins += seen_neg
        else:
            seen_neg += 1
    return wins / (P * N)
