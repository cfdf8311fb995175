"""Hidden tests for roc_auc: random cases with heavy ties, all-equal scores,
perfect and inverted rankings, a family of growing sizes (marked with "size"),
and one case of 2·10^5 samples, fatal to the O(P·N) pair count."""


def _case(name, y_true, y_score, size=None):
    test = {"name": name, "args": [y_true, y_score]}
    if size is not None:
        test["size"] = size
    return test


def _labels(rng, n, p=0.5):
    y = [1 if rng.random() < p else 0 for _ in range(n)]
    y[0], y[-1] = 0, 1  # both classes, always
    return y


def _scores(rng, y, levels):
    # Positives lean higher; few levels means many ties.
    return [min(levels - 1, max(0, int(rng.gauss(levels * (0.55 if t else 0.45), levels / 4)))) for t in y]


def generate(rng):
    tests = []
    for t in range(20):
        n = rng.randrange(2, 60)
        y = _labels(rng, n, rng.choice([0.1, 0.5, 0.9]))
        levels = rng.choice([2, 3, 5, 10, 1000])
        scores = _scores(rng, y, levels)
        if t % 2:
            scores = [s / levels for s in scores]  # floats, same ties
        if t % 5 == 0:
            y = [bool(v) for v in y]
        tests.append(_case(f"random-ties-{t}", y, scores))
    y = _labels(rng, 500)
    tests.append(_case("all-equal-500", y, [0.25] * 500))
    scores = [rng.random() for _ in range(500)]
    order = sorted(range(500), key=scores.__getitem__)
    y = [0] * 500
    for i in order[300:]:
        y[i] = 1
    tests.append(_case("perfect-500", y, scores))
    tests.append(_case("inverted-500", [1 - v for v in y], scores))
    tests.append(_case("floats-no-ties-1000", _labels(rng, 1000), [rng.uniform(-1, 1) for _ in range(1000)]))
    # Growth family, rounded scores (ties within and across classes). Small enough
    # that a pairwise count finishes its first sizes, so its n² shows in the report.
    for n in (250, 500, 1_000, 2_000, 4_000):
        y = _labels(rng, n, 0.3)
        tests.append(_case(f"scale-{n}", y, [round(s / 1000, 3) for s in _scores(rng, y, 1000)], size=n))
    # 2·10^5 samples on 50 score levels: huge tie groups.
    y = _labels(rng, 200_000)
    tests.append(_case("large-heavy-ties", y, _scores(rng, y, 50)))
    return tests
