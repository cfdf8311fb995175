"""Hidden tests for linear_regression: random well-conditioned fits, exactly rank-deficient
ones (duplicated, summed and constant columns, fewer samples than features), constant
targets, a family of growing sample counts (marked with "size"), and large fits fatal to
computing the fitted values through the n×n hat matrix (O(n²·d))."""


def _independent(rng, n, d, ints):
    if ints:
        return [[rng.randrange(-9, 10) for _ in range(d)] for _ in range(n)]
    scales = [rng.uniform(1, 10) for _ in range(d)]
    offsets = [rng.uniform(-50, 50) for _ in range(d)]
    return [[round(offsets[j] + rng.gauss(0, scales[j]), 6) for j in range(d)] for _ in range(n)]


def _deficient(rng, n, d):
    """Integer columns, then one exact dependency per extra column (d >= 2)."""
    X = _independent(rng, n, d, ints=True)
    for j in range(1, d):
        kind = rng.choice(["duplicate", "sum", "constant", "shifted", "free", "free"])
        for row in X:
            if kind == "duplicate":
                row[j] = row[rng.randrange(j)] if j == 1 else row[j - 1]
            elif kind == "sum" and j >= 2:
                row[j] = row[0] + row[1]
            elif kind == "constant":
                row[j] = 4
            elif kind == "shifted":
                row[j] = row[0] + 7  # the same column moved: dependent once centred
    return X


def _targets(rng, X, noise, constant=False):
    if constant:
        return [rng.choice([3, -1.5, 0.1])] * len(X)
    w = [rng.uniform(-3, 3) for _ in X[0]]
    b = rng.uniform(-20, 20)
    return [round(b + sum(wi * xi for wi, xi in zip(w, row)) + rng.gauss(0, noise), 6) for row in X]


def _case(name, X, y, size=None):
    test = {"name": name, "args": [X, y]}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(30):
        d = rng.randrange(1, 6)
        if t % 3 == 0:
            n = rng.randrange(max(2, d - 2), d + 2) if t % 2 else rng.randrange(3 * d + 5, 40)
            X = _deficient(rng, n, d) if d >= 2 else _independent(rng, n, d, True)
        else:
            X = _independent(rng, rng.randrange(3 * d + 5, 40), d, ints=t % 2 == 0)
        tests.append(_case(f"random-{t}", X, _targets(rng, X, rng.choice([0.0, 0.5, 5.0]), constant=t % 10 == 7)))
    # Growth family: n samples of 4 features.
    for n in (500, 1_000, 2_000, 4_000, 8_000):
        X = _independent(rng, n, 4, ints=False)
        tests.append(_case(f"scale-{n}", X, _targets(rng, X, 2.0), n))
    X = _independent(rng, 10_000, 10, ints=False)
    tests.append(_case("large-10-features", X, _targets(rng, X, 3.0)))
    X = _deficient(rng, 10_000, 8)
    tests.append(_case("large-rank-deficient", X, _targets(rng, X, 1.0)))
    return tests
