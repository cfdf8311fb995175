# Compares every positive with every negative: O(P·N).
def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    pos = [s for s, y in zip(y_score, y_true) if y]
    neg = [s for s, y in zip(y_score, y_true) if not y]
    if not pos or not neg:
        raise ValueError("one class")
    wins = 0.0
    for p in pos:
        for q in neg:
            if p > q:
                wins += 1
            elif p == q:
                wins += 0.5
    return wins / (len(pos) * len(neg))
