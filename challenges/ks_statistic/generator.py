"""Hidden tests for ks_statistic: random drifted samples with many ties, a family of
growing sizes (marked with "size"), and large samples fatal to counting per value
(O((n+m)²))."""


def _sample(rng, n, shift, scale, decimals):
    return [round(rng.gauss(shift, scale), decimals) for _ in range(n)]


def _case(name, a, b, size=None):
    test = {"name": name, "args": [a, b]}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(30):
        n, m = rng.randrange(1, 40), rng.randrange(1, 40)
        decimals = rng.choice([0, 0, 1, 3])  # 0 decimals: ties everywhere
        a = _sample(rng, n, 0.0, 2.0, decimals)
        b = _sample(rng, m, rng.choice([0.0, 0.3, 1.0, 5.0]), rng.choice([1.0, 2.0, 4.0]), decimals)
        if decimals == 0 and t % 2:
            a, b = [int(v) for v in a], [int(v) for v in b]
        tests.append(_case(f"random-{t}", a, b))
    # Growth family: n + m values, sample2 three fifths the size, slightly drifted.
    for total in (500, 1_000, 2_000, 4_000, 8_000):
        n = total * 2 // 5
        tests.append(_case(f"scale-{total}", _sample(rng, n, 0, 1, 2), _sample(rng, total - n, 0.1, 1.1, 2), total))
    # Integer values on a narrow range: huge tie groups across the samples.
    a = [rng.randrange(0, 1_000) for _ in range(50_000)]
    b = [rng.randrange(20, 1_020) for _ in range(35_000)]
    tests.append(_case("large-ties", a, b))
    tests.append(_case("large-floats", _sample(rng, 50_000, 0, 1, 17), _sample(rng, 50_000, 0.01, 1, 17)))
    return tests
