import math


def cosine_top_k(items, queries, k):
    if k < 1:
        raise ValueError("k must be positive")
    if len(items) == 0:
        raise ValueError("no items")
    dim = len(items[0])
    for v in items + queries:
        if len(v) != dim:
            raise ValueError("vectors of different lengths")

    def norm(v):
        total = 0
        for x in v:
            total += x * x
        return math.sqrt(total)

    def dot(a, b):
        total = 0
        for i in range(len(a)):
            total += a[i] * b[i]
        return total

    item_norms = []
    for v in items:
        item_norms.append(norm(v))
    answers = []
    for q in queries:
        q_norm = norm(q)
        scored = []
        for i in range(len(items)):
            if q_norm == 0 or item_norms[i] == 0:
                similarity = 0.0
            else:
                similarity = dot(q, items[i]) / (q_norm * item_norms[i])
            scored.append((-similarity, i))  # sorts best first, then by index
        scored.sort()
        top = []
        for pair in scored[:k]:
            top.append(pair[1])
        answers.append(top)
    return answers
