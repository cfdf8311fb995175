import random


def q_learning_update(Q, transitions, alpha, gamma, epsilon=0.0, seed=0):
    if len(Q) == 0 or len(Q[0]) == 0:
        raise ValueError("empty Q table")
    n_states = len(Q)
    n_actions = len(Q[0])
    for row in Q:
        if len(row) != n_actions:
            raise ValueError("rows of Q differ in length")
    if alpha < 0 or alpha > 1 or gamma < 0 or gamma > 1 or epsilon < 0 or epsilon > 1:
        raise ValueError("alpha, gamma and epsilon must be between 0 and 1")

    for transition in transitions:
        state = transition[0]
        action = transition[1]
        reward = transition[2]
        next_state = transition[3]
        done = transition[4]
        if state < 0 or state >= n_states or next_state < 0 or next_state >= n_states:
            raise ValueError("no such state")
        if action < 0 or action >= n_actions:
            raise ValueError("no such action")
        if done:
            target = reward
        else:
            best_next = Q[next_state][0]
            for value in Q[next_state]:
                if value > best_next:
                    best_next = value
            target = reward + gamma * best_next
        Q[state][action] = Q[state][action] + alpha * (target - Q[state][action])

    rng = random.Random(seed)
    actions = []
    for state in range(n_states):
        if rng.random() < epsilon:
            actions.append(rng.randrange(n_actions))
        else:
            best_action = 0
            for action in range(n_actions):
                if Q[state][action] > Q[state][best_action]:
                    best_action = action
            actions.append(best_action)
    return Q, actions
