# Normalises down the columns (axis=0), not along each row.
import numpy as np


def softmax(logits):
    if len(logits) == 0:
        return []
    z = np.asarray(logits, dtype=float)
    if z.shape[1] == 0 or np.isnan(z).any() or np.isposinf(z).any():
        raise ValueError("bad logits")
    if np.isneginf(z.max(axis=1)).any():
        raise ValueError("a row of -inf")
    m = z.max(axis=0, keepdims=True)
    e = np.exp(z - m)
    return e / e.sum(axis=0, keepdims=True)
