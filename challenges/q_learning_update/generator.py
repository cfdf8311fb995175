"""Hidden tests for q_learning_update: random small tables with terminal steps, repeated
states, exact (dyadic) ties and every epsilon, a family growing in transitions and states
together (marked with "size"), and a large replay, fatal to copying the table per
transition (O(T·S·A))."""


def _transitions(rng, S, A, T, p_done, rewards):
    out = []
    s = rng.randrange(S)
    for _ in range(T):
        a = rng.randrange(A)
        s_next = rng.randrange(S)
        done = rng.random() < p_done
        out.append([s, a, rng.choice(rewards), s_next, done])
        s = rng.randrange(S) if done else s_next
    return out


def _case(name, Q, transitions, alpha, gamma, epsilon, seed, size=None):
    test = {"name": name, "args": [Q, transitions, alpha, gamma], "kwargs": {"epsilon": epsilon, "seed": seed}}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(30):
        S, A, T = rng.randrange(1, 7), rng.randrange(1, 5), rng.randrange(0, 30)
        dyadic = t % 2 == 0  # exact arithmetic: ties among the actions survive the updates
        init = [0, 1] if dyadic else [0.0, 0.5, -1.25, 2.0]
        Q = [[rng.choice(init) for _ in range(A)] for _ in range(S)]
        rewards = [-1, 0, 1, 2] if dyadic else [-1.5, 0.3, 1.0, 10.0]
        alpha = rng.choice([0.5, 0.25, 1.0]) if dyadic else rng.choice([0.1, 0.3, 0.9])
        gamma = rng.choice([0.5, 1.0, 0.0]) if dyadic else rng.choice([0.9, 0.99, 0.5])
        epsilon = rng.choice([0.0, 0.0, 0.2, 0.5, 1.0])
        tests.append(
            _case(f"random-{t}", Q, _transitions(rng, S, A, T, 0.2, rewards), alpha, gamma, epsilon, rng.randrange(1000))
        )
    # Growth family: T transitions over T/5 states of 4 actions.
    for T in (2_500, 5_000, 10_000, 20_000, 40_000):
        S = T // 5
        Q = [[0.0] * 4 for _ in range(S)]
        trans = _transitions(rng, S, 4, T, 0.05, [-1.0, 0.0, 0.5, 1.0])
        tests.append(_case(f"scale-{T}", Q, trans, 0.1, 0.95, 0.1, T, T))
    S = 5_000
    Q = [[rng.choice([0.0, 0.5]) for _ in range(4)] for _ in range(S)]
    trans = _transitions(rng, S, 4, 50_000, 0.02, [-1.0, 0.0, 0.0, 1.0])
    tests.append(_case("large-replay", Q, trans, 0.2, 0.9, 0.05, 99))
    return tests
