import random


def _check_unit(name, value):
    if not 0 <= value <= 1:
        raise ValueError(f"{name} must be in [0, 1], not {value!r}")


def q_learning_update(Q, transitions, alpha, gamma, epsilon=0.0, seed=0):
    S = len(Q)
    if S == 0 or len(Q[0]) == 0:
        raise ValueError("Q needs at least one state and one action")
    A = len(Q[0])
    if any(len(row) != A for row in Q):
        raise ValueError("every row of Q must have the same number of actions")
    for name, value in (("alpha", alpha), ("gamma", gamma), ("epsilon", epsilon)):
        _check_unit(name, value)
    Q = [list(row) for row in Q]
    for k, (s, a, r, s_next, done) in enumerate(transitions):
        if not (0 <= s < S and 0 <= a < A and 0 <= s_next < S):
            raise ValueError(f"transition {k} names a state or action that does not exist: {[s, a, s_next]}")
        target = r if done else r + gamma * max(Q[s_next])
        Q[s][a] = Q[s][a] + alpha * (target - Q[s][a])
    rng = random.Random(seed)
    actions = []
    for row in Q:
        if rng.random() < epsilon:
            actions.append(rng.randrange(A))
        else:
            best = max(row)
            actions.append(row.index(best))  # the lowest index of the maximum
    return Q, actions
