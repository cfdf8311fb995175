# Never compares the lengths: zip() drops the extra values and an answer comes out.
def roc_auc(y_true, y_score):
    pairs = sorted(zip(y_score, y_true))
    P = sum(1 for _, y in pairs if y)
    N = len(pairs) - P
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
    return twice / (2 * P * N)
