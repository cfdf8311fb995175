import math


def softmax(logits):
    out = []
    for row in logits:
        if not row:
            raise ValueError("an empty row has no softmax")
        if any(math.isnan(z) or z == math.inf for z in row):
            raise ValueError("logits must be finite or -inf (no NaN, no +inf)")
        m = max(row)
        if m == -math.inf:
            raise ValueError("every logit of the row is -inf: nothing to normalise")
        # exp(z - m) <= 1: no overflow; -inf - m is -inf, and exp(-inf) is 0.
        exps = [math.exp(z - m) for z in row]
        total = math.fsum(exps)
        out.append([e / total for e in exps])
    return out
