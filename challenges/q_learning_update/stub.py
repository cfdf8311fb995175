def q_learning_update(Q, transitions, alpha, gamma, epsilon=0.0, seed=0):
    """Replay the transitions into Q; return (Q_new, the epsilon-greedy action of every state)."""
    raise NotImplementedError
