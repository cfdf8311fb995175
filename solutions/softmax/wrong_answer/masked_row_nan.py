# Shifts by the maximum, but a row of -inf has maximum -inf, and -inf - (-inf) is NaN:
# it returns NaN probabilities instead of raising ValueError.
import math


def softmax(logits):
    out = []
    for row in logits:
        if not row or any(math.isnan(z) or z == math.inf for z in row):
            raise ValueError("bad row")
        m = max(row)
        exps = [math.exp(z - m) for z in row]
        total = sum(exps)
        out.append([e / total for e in exps])
    return out
