# Picks the greedy action with ">=" while scanning: ties go to the highest index.
import random


def q_learning_update(Q, transitions, alpha, gamma, epsilon=0.0, seed=0):
    if not Q or not Q[0] or any(len(r) != len(Q[0]) for r in Q):
        raise ValueError("bad Q")
    if not (0 <= alpha <= 1 and 0 <= gamma <= 1 and 0 <= epsilon <= 1):
        raise ValueError("bad parameter")
    S, A = len(Q), len(Q[0])
    Q = [list(r) for r in Q]
    for s, a, r, s2, done in transitions:
        if not (0 <= s < S and 0 <= a < A and 0 <= s2 < S):
            raise ValueError("bad index")
        target = r if done else r + gamma * max(Q[s2])
        Q[s][a] += alpha * (target - Q[s][a])
    rng = random.Random(seed)
    actions = []
    for row in Q:
        if rng.random() < epsilon:
            actions.append(rng.randrange(A))
            continue
        best = 0
        for i, v in enumerate(row):
            if v >= row[best]:
                best = i
        actions.append(best)
    return Q, actions
