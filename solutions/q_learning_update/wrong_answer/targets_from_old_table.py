# Computes every target from the table as it was before the replay (a batch update),
# so a transition never sees the updates of the ones before it.
import random


def q_learning_update(Q, transitions, alpha, gamma, epsilon=0.0, seed=0):
    if not Q or not Q[0] or any(len(r) != len(Q[0]) for r in Q):
        raise ValueError("bad Q")
    if not (0 <= alpha <= 1 and 0 <= gamma <= 1 and 0 <= epsilon <= 1):
        raise ValueError("bad parameter")
    S, A = len(Q), len(Q[0])
    old = [list(r) for r in Q]
    Q = [list(r) for r in Q]
    for s, a, r, s2, done in transitions:
        if not (0 <= s < S and 0 <= a < A and 0 <= s2 < S):
            raise ValueError("bad index")
        target = r if done else r + gamma * max(old[s2])
        Q[s][a] += alpha * (target - old[s][a])
    rng = random.Random(seed)
    return Q, [rng.randrange(A) if rng.random() < epsilon else row.index(max(row)) for row in Q]
