# Selects the top k with argpartition, then sorts them: argpartition does not prefer the
# lower index among items tied at the cut.
import numpy as np


def cosine_top_k(items, queries, k):
    if k < 1 or len(items) == 0:
        raise ValueError("bad k or no items")
    d = len(items[0])
    if any(len(v) != d for v in items) or any(len(q) != d for q in queries):
        raise ValueError("vectors of different lengths")
    X = np.asarray(items, dtype=float)
    norms = np.linalg.norm(X, axis=1)
    n = len(items)
    out = []
    for q in np.asarray(queries, dtype=float).reshape(len(queries), d):
        qn = np.linalg.norm(q)
        denom = norms * qn
        sims = np.divide((X * q).sum(axis=1), denom, out=np.zeros(n), where=denom > 0)
        if k >= n:
            out.append(np.argsort(-sims, kind="stable").tolist())
            continue
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.lexsort((top, -sims[top]))]
        out.append(top.tolist())
    return out
