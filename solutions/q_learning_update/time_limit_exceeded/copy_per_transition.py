# Right answers, but copies the whole table for every transition (so that "the update
# returns a new table"): O(T·S·A).
import random


def _updated(Q, s, a, value):
    new = [row[:] for row in Q]
    new[s][a] = value
    return new


def q_learning_update(Q, transitions, alpha, gamma, epsilon=0.0, seed=0):
    if not Q or not Q[0] or any(len(r) != len(Q[0]) for r in Q):
        raise ValueError("bad Q")
    if not (0 <= alpha <= 1 and 0 <= gamma <= 1 and 0 <= epsilon <= 1):
        raise ValueError("bad parameter")
    S, A = len(Q), len(Q[0])
    for s, a, r, s2, done in transitions:
        if not (0 <= s < S and 0 <= a < A and 0 <= s2 < S):
            raise ValueError("bad index")
        target = r if done else r + gamma * max(Q[s2])
        Q = _updated(Q, s, a, Q[s][a] + alpha * (target - Q[s][a]))
    rng = random.Random(seed)
    return Q, [rng.randrange(A) if rng.random() < epsilon else row.index(max(row)) for row in Q]
