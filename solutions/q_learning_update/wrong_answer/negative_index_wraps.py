# Checks only the upper bound of each index: state -1 quietly becomes the last state.
import random


def q_learning_update(Q, transitions, alpha, gamma, epsilon=0.0, seed=0):
    if not Q or not Q[0] or any(len(r) != len(Q[0]) for r in Q):
        raise ValueError("bad Q")
    if not (0 <= alpha <= 1 and 0 <= gamma <= 1 and 0 <= epsilon <= 1):
        raise ValueError("bad parameter")
    S, A = len(Q), len(Q[0])
    Q = [list(r) for r in Q]
    for s, a, r, s2, done in transitions:
        if s >= S or a >= A or s2 >= S:
            raise ValueError("bad index")
        target = r if done else r + gamma * max(Q[s2])
        Q[s][a] += alpha * (target - Q[s][a])
    rng = random.Random(seed)
    return Q, [rng.randrange(A) if rng.random() < epsilon else row.index(max(row)) for row in Q]
