# Right algorithm, but rounds the answer to 4 decimals, as a report would print it.
def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("length mismatch")
    pairs = sorted(zip(y_score, y_true))
    P = sum(1 for y in y_true if y)
    N = len(y_true) - P
    if P == 0 or N == 0:
        raise ValueError("one class")
    twice, below, i = 0, 0, 0
    while i < len(pairs):
        j, pos, neg = i, 0, 0
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            pos, neg = pos + bool(pairs[j][1]), neg + (not pairs[j][1])
            j += 1
        twice += pos * (2 * below + neg)
        below += neg
        i = j
    return round(twice / (2 * P * N), 4)
