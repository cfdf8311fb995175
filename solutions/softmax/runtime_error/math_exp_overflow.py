# The textbook formula with math.exp: exp(1000) raises OverflowError.
import math


def softmax(logits):
    out = []
    for row in logits:
        if not row or any(math.isnan(z) or z == math.inf for z in row) or max(row) == -math.inf:
            raise ValueError("bad row")
        exps = [math.exp(z) for z in row]
        total = sum(exps)
        out.append([e / total for e in exps])
    return out
