"""Hidden tests for knn_predict: integer grids full of distance and vote ties,
random float clouds, a family of growing training sets (marked with "size"),
and one test whose k is half the training set."""


def _case(name, X_train, y_train, X_test, k, size=None):
    test = {"name": name, "args": [X_train, y_train, X_test, k]}
    if size is not None:
        test["size"] = size
    return test


def _grid(rng, n, d, span):
    return [[rng.randrange(span) for _ in range(d)] for _ in range(n)]


def _cloud(rng, n, d):
    return [[round(rng.uniform(-10, 10), 6) for _ in range(d)] for _ in range(n)]


def generate(rng):
    tests = []
    # Small integer grids: many points at equal distances, many tied votes.
    for t in range(12):
        d = 1 + t % 3
        n = rng.randrange(5, 60)
        labels = [0, 1] if t % 2 else ["cat", "dog", "eel"]
        X = _grid(rng, n, d, 4)
        y = [rng.choice(labels) for _ in range(n)]
        k = rng.randrange(1, min(n, 9) + 1)
        tests.append(_case(f"grid-{t}", X, y, _grid(rng, 30, d, 5), k))
    # Even k on two labels: vote ties on almost every query.
    X = _grid(rng, 40, 2, 3)
    tests.append(_case("grid-even-k", X, [i % 2 for i in range(40)], _grid(rng, 50, 2, 4), 4))
    # Random floats: no ties at all, the scikit-learn case.
    for t in range(4):
        n, d = rng.randrange(20, 200), rng.randrange(1, 9)
        X = _cloud(rng, n, d)
        y = [rng.randrange(4) for _ in range(n)]
        tests.append(_case(f"cloud-{t}", X, y, _cloud(rng, 40, d), rng.choice([1, 3, 5, 7])))
    # Growth family: more training points, same queries and k.
    queries = _cloud(rng, 10, 2)
    for n in (500, 1_000, 2_000, 4_000, 8_000):
        X = _cloud(rng, n, 2)
        y = [rng.randrange(3) for _ in range(n)]
        tests.append(_case(f"scale-{n}", X, y, queries, 5, size=n))
    # Large: many queries in 5 dimensions on a coarse grid (ties everywhere).
    X = _grid(rng, 2_000, 5, 6)
    y = [rng.choice(["a", "b", "c", "d"]) for _ in range(2_000)]
    tests.append(_case("large-grid-5d", X, y, _grid(rng, 60, 5, 6), 9))
    # k of half the training set: repeated linear scans cost O(n·k) per query. Large
    # enough that they need several times the budget set by np.linalg.norm per pair.
    X = _grid(rng, 5_000, 2, 50)
    y = [rng.randrange(5) for _ in range(5_000)]
    tests.append(_case("large-k-half", X, y, _grid(rng, 20, 2, 50), 2_500))
    return tests
