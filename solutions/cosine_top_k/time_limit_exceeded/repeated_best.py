# Right answers, but picks the top k with k passes of "find the best remaining item":
# O(n·k) per query.
import math


def cosine_top_k(items, queries, k):
    if k < 1 or not items:
        raise ValueError("bad k or no items")
    d = len(items[0])
    if any(len(v) != d for v in items + queries):
        raise ValueError("vectors of different lengths")
    norms = [math.sqrt(sum(x * x for x in v)) for v in items]
    out = []
    for q in queries:
        qn = math.sqrt(sum(x * x for x in q))
        sims = [sum(a * b for a, b in zip(q, v)) / (qn * n) if qn and n else 0.0 for v, n in zip(items, norms)]
        remaining = list(range(len(items)))
        top = []
        for _ in range(min(k, len(items))):
            best = remaining[0]
            for i in remaining:
                if sims[i] > sims[best]:
                    best = i
            top.append(best)
            remaining.remove(best)
        out.append(top)
    return out
