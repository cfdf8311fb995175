"""Hidden tests for confusion_matrix: random small cases of every option, a
family of growing sample counts (marked with "size"), and one case with
hundreds of labels and 10^5 samples, fatal to a scan of the data per cell."""

NORMALIZE = [None, "true", "pred", "all"]


def _case(name, y_true, y_pred, labels=None, normalize=None, size=None):
    kwargs = {}
    if labels is not None:
        kwargs["labels"] = labels
    if normalize is not None:
        kwargs["normalize"] = normalize
    test = {"name": name, "args": [y_true, y_pred], "kwargs": kwargs}
    if size is not None:
        test["size"] = size
    return test


def _noisy(rng, y_true, values, p_right):
    return [t if rng.random() < p_right else rng.choice(values) for t in y_true]


def generate(rng):
    tests = []
    for t in range(24):
        values = [rng.randrange(-5, 20) for _ in range(rng.randrange(2, 7))] if t % 2 else [
            rng.choice(["ant", "bee", "cat", "Dog", "eel", "fox", "gnu"]) for _ in range(rng.randrange(2, 7))
        ]
        values = sorted(set(values))
        n = rng.randrange(1, 40)
        y_true = [rng.choice(values) for _ in range(n)]
        y_pred = _noisy(rng, y_true, values, 0.5)
        labels = None
        if t % 3 == 0:
            # Reorder, drop some, add an unseen one; keep one value of y_true.
            labels = rng.sample(values, rng.randrange(1, len(values) + 1))
            if not set(labels) & set(y_true):
                labels.append(y_true[0])
            labels.append(("zzz" if isinstance(values[0], str) else 99))
            rng.shuffle(labels)
        tests.append(_case(f"random-{t}", y_true, y_pred, labels, NORMALIZE[t % 4]))
    # Growth family: more samples over 300 labels.
    labels = [f"class-{i:03d}" for i in range(300)]
    for n in (6_250, 12_500, 25_000, 50_000, 100_000):
        y_true = [rng.choice(labels) for _ in range(n)]
        tests.append(_case(f"scale-{n}", y_true, _noisy(rng, y_true, labels, 0.7), size=n))
    # Hundreds of int labels, 10^5 samples, normalised, with a reordering labels list.
    values = list(range(400))
    y_true = [rng.choice(values) for _ in range(100_000)]
    y_pred = _noisy(rng, y_true, values, 0.6)
    order = values[:]
    rng.shuffle(order)
    tests.append(_case("large-labels-normalized", y_true, y_pred, order[:350], "true"))
    return tests
