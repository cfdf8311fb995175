"""Hidden tests for pca: random data with a known, well-separated spectrum in a random
rotation (some of lower rank than k, some shifted far from the origin), a family of
growing sample counts (marked with "size"), and large cases fatal to recomputing the
means inside the covariance loop (O(n²·d²))."""

import math


def _rotation(rng, d):
    """A random orthonormal basis (Gram-Schmidt on Gaussian vectors), as rows."""
    basis = []
    while len(basis) < d:
        v = [rng.gauss(0, 1) for _ in range(d)]
        for b in basis:
            dot = sum(x * y for x, y in zip(v, b))
            v = [x - dot * y for x, y in zip(v, b)]
        norm = math.sqrt(sum(x * x for x in v))
        if norm > 1e-3:
            basis.append([x / norm for x in v])
    return basis


def _data(rng, n, d, rank, scale=10.0, ratio=0.4, offset=0.0):
    """n samples whose covariance has `rank` nonzero eigenvalues falling by ratio² each."""
    basis = _rotation(rng, d)
    sigmas = [scale * ratio**j for j in range(rank)]
    mean = [rng.uniform(-offset, offset) for _ in range(d)]
    X = []
    for _ in range(n):
        z = [rng.gauss(0, s) for s in sigmas]
        X.append([round(mean[c] + sum(z[j] * basis[j][c] for j in range(rank)), 9) for c in range(d)])
    return X


def _case(name, X, k, size=None):
    test = {"name": name, "args": [X, k]}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(24):
        d = rng.randrange(1, 6)
        n = rng.randrange(3 * d + 10, 60)
        rank = d if t % 3 else rng.randrange(1, d + 1)  # every third: maybe rank-deficient
        k = rng.randrange(1, d + 1)
        X = _data(rng, n, d, rank, scale=rng.choice([1.0, 10.0, 100.0]), offset=rng.choice([0.0, 5.0, 1000.0]))
        tests.append(_case(f"random-{t}", X, k))
    # Growth family: n samples of 4 features, the first 2 components.
    for n in (500, 1_000, 2_000, 4_000, 8_000):
        tests.append(_case(f"scale-{n}", _data(rng, n, 4, 4, offset=50.0), 2, n))
    tests.append(_case("large-10-features", _data(rng, 10_000, 10, 10, ratio=0.6, offset=100.0), 5))
    tests.append(_case("large-rank-5-k-7", _data(rng, 10_000, 8, 5, offset=10.0), 7))
    return tests
