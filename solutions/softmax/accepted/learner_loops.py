import math


def softmax(logits):
    result = []
    for row in logits:
        if len(row) == 0:
            raise ValueError("empty row")
        biggest = row[0]
        for z in row:
            if z != z or z == float("inf"):
                raise ValueError("NaN or +inf logit")
            if z > biggest:
                biggest = z
        if biggest == float("-inf"):
            raise ValueError("all logits are -inf")
        exps = []
        total = 0.0
        for z in row:
            e = math.exp(z - biggest)
            exps.append(e)
            total += e
        probs = []
        for e in exps:
            probs.append(e / total)
        result.append(probs)
    return result
