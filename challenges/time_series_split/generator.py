"""Hidden tests for time_series_split: random parameter mixes around the error
boundaries, a family of growing n_samples (marked with "size"), and 10^5 samples."""


def _case(name, n_samples, n_splits, size=None, **kwargs):
    test = {"name": name, "args": [n_samples, n_splits], "kwargs": kwargs}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(40):
        n = rng.randrange(0, 40)
        splits = rng.randrange(1, 8)
        kwargs = {}
        if rng.random() < 0.5:
            kwargs["test_size"] = rng.randrange(1, 10)
        if rng.random() < 0.5:
            kwargs["gap"] = rng.randrange(0, 6)
        if rng.random() < 0.5:
            kwargs["max_train_size"] = rng.randrange(1, 20)
        tests.append(_case(f"random-{t}", n, splits, **kwargs))
    for n in (6_250, 12_500, 25_000, 50_000, 100_000):
        tests.append(_case(f"scale-{n}", n, 5, size=n))
    tests.append(_case("large-all-parameters", 100_000, 8, max_train_size=60_000, test_size=9_000, gap=250))
    tests.append(_case("large-remainder", 100_003, 6, gap=1))
    return tests
