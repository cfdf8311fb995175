import numpy as np


def softmax(logits):
    if len(logits) == 0:
        return []
    z = np.asarray(logits, dtype=float)
    if z.shape[1] == 0:
        raise ValueError("empty rows")
    if np.isnan(z).any() or np.isposinf(z).any():
        raise ValueError("NaN or +inf logit")
    m = z.max(axis=1, keepdims=True)
    if np.isneginf(m).any():
        raise ValueError("a row of -inf")
    e = np.exp(z - m)
    return e / e.sum(axis=1, keepdims=True)
