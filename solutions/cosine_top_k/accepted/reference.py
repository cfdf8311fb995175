import math


def cosine_top_k(items, queries, k):
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    if not items:
        raise ValueError("no items to rank")
    d = len(items[0])
    for which, vectors in (("items", items), ("queries", queries)):
        for i, v in enumerate(vectors):
            if len(v) != d:
                raise ValueError(f"{which}[{i}] has {len(v)} coordinates, not {d}")
    norms = [math.sqrt(sum(x * x for x in v)) for v in items]
    result = []
    for q in queries:
        qn = math.sqrt(sum(x * x for x in q))
        sims = []
        for v, vn in zip(items, norms):
            # A zero vector is at cosine 0 from everything (scikit-learn's convention).
            sims.append(sum(a * b for a, b in zip(q, v)) / (qn * vn) if qn and vn else 0.0)
        # Highest similarity first, then the lower index (sorted() is stable).
        result.append(sorted(range(len(items)), key=lambda i: -sims[i])[:k])
    return result
