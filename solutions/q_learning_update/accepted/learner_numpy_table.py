# The textbook way: the table as a numpy array, updated one transition at a time.
import random

import numpy as np


def q_learning_update(Q, transitions, alpha, gamma, epsilon=0.0, seed=0):
    if len(Q) == 0 or len(Q[0]) == 0 or any(len(row) != len(Q[0]) for row in Q):
        raise ValueError("Q must be a non-empty table")
    if not (0 <= alpha <= 1 and 0 <= gamma <= 1 and 0 <= epsilon <= 1):
        raise ValueError("alpha, gamma and epsilon must be in [0, 1]")
    Q = np.array(Q, dtype=float)
    n_states, n_actions = Q.shape
    for s, a, r, s_next, done in transitions:
        if not (0 <= s < n_states and 0 <= a < n_actions and 0 <= s_next < n_states):
            raise ValueError("no such state or action")
        target = r if done else r + gamma * np.max(Q[s_next])
        Q[s, a] = Q[s, a] + alpha * (target - Q[s, a])
    rng = random.Random(seed)
    actions = []
    for s in range(n_states):
        if rng.random() < epsilon:
            actions.append(rng.randrange(n_actions))
        else:
            actions.append(int(np.argmax(Q[s])))  # argmax: the lowest index on ties
    return Q, actions
