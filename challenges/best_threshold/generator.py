"""Hidden tests for best_threshold: random cases with heavy ties under both metrics, a
family of growing sizes (marked with "size"), and two cases of 10^5 samples, all but the
smallest fatal to a rescan of the data per candidate threshold (O(n²))."""


def _labels(rng, n, p=0.5):
    y = [1 if rng.random() < p else 0 for _ in range(n)]
    y[0], y[-1] = 0, 1  # both classes, always
    return y


def _scores(rng, y, levels):
    # Positives lean higher; few levels means many ties.
    return [min(levels - 1, max(0, int(rng.gauss(levels * (0.58 if t else 0.42), levels / 4)))) for t in y]


def _case(name, y_true, y_score, metric, size=None):
    test = {"name": name, "args": [y_true, y_score], "kwargs": {"metric": metric}}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(40):
        n = rng.randrange(2, 40)
        y = _labels(rng, n, rng.choice([0.2, 0.5, 0.8]))
        levels = rng.choice([2, 3, 5, 10, 1000])
        scores = _scores(rng, y, levels)
        if t % 3:
            scores = [s / levels for s in scores]  # floats, same ties
        tests.append(_case(f"random-{t}", y, scores, ["f1", "youden"][t % 2]))
    # Growth family: scores with four decimals (mostly distinct).
    for n in (250, 500, 1_000, 2_000, 4_000):
        y = _labels(rng, n, 0.3)
        tests.append(_case(f"scale-{n}", y, [round(rng.gauss(0.6 if v else 0.4, 0.2), 4) for v in y], "f1", n))
    y = _labels(rng, 100_000, 0.2)
    tests.append(_case("large-distinct-f1", y, [rng.gauss(0.6 if v else 0.4, 0.2) for v in y], "f1"))
    y = _labels(rng, 100_000, 0.5)
    tests.append(_case("large-ties-youden", y, _scores(rng, y, 50), "youden"))
    return tests
