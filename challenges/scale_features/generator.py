"""Hidden tests for scale_features: random matrices with constant, integer, large-offset
and negative columns under both methods, a family of growing row counts (marked with
"size"), and large matrices fatal to recomputing the statistics per value (O(m·n·d))."""


def _column(rng, kind, n):
    if kind == "constant":
        v = rng.choice([0, 3, -2.5, 0.1, 1e6 + 0.3])
        return [v] * n
    if kind == "ints":
        return [rng.randrange(-20, 21) for _ in range(n)]
    if kind == "timestamps":
        return [1_700_000_000 + rng.randrange(0, 86_400) + rng.choice([0.0, 0.5]) for _ in range(n)]
    return [rng.gauss(rng.uniform(-100, 100), rng.choice([0.01, 1, 30])) for _ in range(n)]


KINDS = ["constant", "ints", "timestamps", "gauss", "gauss"]


def _matrices(rng, n, m, d, kinds=None):
    kinds = kinds or [rng.choice(KINDS) for _ in range(d)]
    both = [_column(rng, kind, n + m) for kind in kinds]
    if "constant" in kinds:
        for col, kind in zip(both, kinds):
            if kind == "constant" and m:
                col[n + rng.randrange(m)] += 1  # a test value off the constant
    rows = [list(r) for r in zip(*both)]
    return rows[:n], rows[n:]


def _case(name, X_train, X_test, method, size=None):
    test = {"name": name, "args": [X_train, X_test], "kwargs": {"method": method}}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(30):
        n, m, d = rng.randrange(1, 12), rng.randrange(0, 8), rng.randrange(1, 6)
        X_train, X_test = _matrices(rng, n, m, d)
        tests.append(_case(f"random-{t}", X_train, X_test, ["standard", "minmax"][t % 2]))
    # Growth family: n training rows and as many test rows, 4 columns.
    for n in (250, 500, 1_000, 2_000, 4_000):
        X_train, X_test = _matrices(rng, n, n, 4, ["gauss", "ints", "timestamps", "gauss"])
        tests.append(_case(f"scale-{n}", X_train, X_test, "standard", n))
    kinds = ["gauss", "gauss", "ints", "timestamps", "constant", "gauss", "ints", "gauss", "gauss", "gauss"]
    X_train, X_test = _matrices(rng, 5_000, 5_000, 10, kinds)
    tests.append(_case("large-standard", X_train, X_test, "standard"))
    X_train, X_test = _matrices(rng, 5_000, 5_000, 10, kinds[::-1])
    tests.append(_case("large-minmax", X_train, X_test, "minmax"))
    return tests
