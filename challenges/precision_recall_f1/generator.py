"""Hidden tests for precision_recall_f1: random small cases of every average and both
zero_division values (labels never predicted, labels only predicted, binary with either
label positive), a family of growing sample counts (marked with "size"), and cases with
thousands of labels, fatal to a scan of the data per label (O(L·n))."""

AVERAGES = [None, "micro", "macro", "weighted"]


def _noisy(rng, y_true, values, p_right):
    return [t if rng.random() < p_right else rng.choice(values) for t in y_true]


def _case(name, y_true, y_pred, size=None, **kwargs):
    test = {"name": name, "args": [y_true, y_pred], "kwargs": kwargs}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(40):
        if t % 2:
            values = sorted(rng.sample(range(-3, 12), rng.randrange(2, 6)))
        else:
            values = sorted(rng.sample(["ant", "bee", "Cat", "dog", "eel", "fox"], rng.randrange(2, 6)))
        n = rng.randrange(1, 25)
        y_true = [rng.choice(values[:-1]) for _ in range(n)]  # the last value: only ever predicted
        y_pred = _noisy(rng, y_true, values[1:], 0.5)  # the first value: maybe never predicted
        kwargs = {"zero_division": rng.choice([0, 1, 0.0, 1.0])}
        if t % 5 == 4:
            pair = values[:2]
            y_true = [rng.choice(pair) for _ in range(n)]
            y_pred = _noisy(rng, y_true, pair, 0.6)
            kwargs.update(average="binary", pos_label=rng.choice(pair))
        else:
            kwargs["average"] = AVERAGES[t % 4]
        tests.append(_case(f"random-{t}", y_true, y_pred, **kwargs))
    # Growth family: more samples over 300 labels.
    labels = [f"class-{i:03d}" for i in range(300)]
    for n in (6_250, 12_500, 25_000, 50_000, 100_000):
        y_true = [rng.choice(labels) for _ in range(n)]
        tests.append(_case(f"scale-{n}", y_true, _noisy(rng, y_true, labels, 0.7), n))
    # 3 000 int labels, 10^5 samples; some labels never predicted, some only predicted.
    values = list(range(3_000))
    y_true = [rng.choice(values[:2_900]) for _ in range(100_000)]
    y_pred = _noisy(rng, y_true, values[100:], 0.5)
    tests.append(_case("large-labels-macro", y_true, y_pred, average="macro", zero_division=1))
    tests.append(_case("large-labels-per-label", y_true, y_pred))
    # A large binary case with string labels.
    y_true = [rng.choice(["spam", "ham"]) for _ in range(100_000)]
    tests.append(_case("large-binary", y_true, _noisy(rng, y_true, ["spam", "ham"], 0.8), average="binary", pos_label="spam"))
    return tests
