import numpy as np


def cosine_top_k(items, queries, k):
    if k < 1:
        raise ValueError("k must be positive")
    if len(items) == 0:
        raise ValueError("no items")
    d = len(items[0])
    if any(len(v) != d for v in items) or any(len(q) != d for q in queries):
        raise ValueError("vectors of different lengths")
    X = np.asarray(items, dtype=float)
    norms = np.linalg.norm(X, axis=1)
    safe = np.where(norms > 0, norms, 1.0)
    out = []
    for q in np.asarray(queries, dtype=float).reshape(len(queries), d):
        qn = np.linalg.norm(q)
        # One row-wise sum per item: every item's similarity is computed the same way,
        # so equal vectors get bit-equal similarities (a BLAS product may not promise it).
        sims = (X * q).sum(axis=1) / (safe * (qn if qn > 0 else 1.0))
        sims[norms == 0] = 0.0
        if qn == 0:
            sims[:] = 0.0
        order = np.argsort(-sims, kind="stable")  # stable: the lower index first on ties
        out.append(order[:k].tolist())
    return out
