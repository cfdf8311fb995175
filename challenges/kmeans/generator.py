"""Hidden tests for kmeans: random overlapping blobs started from random data points
(some with a small max_iter, some with far-away centroids that stay empty), a family of
growing point counts (marked with "size"), and large runs fatal to looking up each
point's label with X.index (O(n²) per iteration)."""


def _blobs(rng, n, k, d, spread):
    centres = [[rng.uniform(-50, 50) for _ in range(d)] for _ in range(k)]
    return [[round(rng.gauss(c, spread), 6) for c in rng.choice(centres)] for _ in range(n)]


def _case(name, X, init, max_iter=None, size=None):
    test = {"name": name, "args": [X, init]}
    if max_iter is not None:
        test["args"].append(max_iter)
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(30):
        n, d = rng.randrange(1, 40), rng.randrange(1, 4)
        k = rng.randrange(1, min(n, 5) + 1)
        X = _blobs(rng, n, rng.randrange(1, 5), d, rng.choice([1.0, 8.0, 30.0]))
        init = [list(p) for p in rng.sample(X, k)]
        if t % 7 == 3:
            init[-1] = [1000.0] * d  # far from everything: an empty cluster from the start
        max_iter = rng.choice([None, None, 1, 2, 3]) if t % 2 else None
        tests.append(_case(f"random-{t}", X, init, max_iter))
    # Growth family: n points in 4 overlapping blobs, 4 centroids.
    for n in (500, 1_000, 2_000, 4_000, 8_000):
        X = _blobs(rng, n, 4, 2, 15.0)
        tests.append(_case(f"scale-{n}", X, [list(p) for p in rng.sample(X, 4)], 100, n))
    X = _blobs(rng, 5_000, 6, 3, 12.0)
    tests.append(_case("large-6-clusters-3-dims", X, [list(p) for p in rng.sample(X, 6)], 30))
    return tests
