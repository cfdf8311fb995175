"""Hidden tests for softmax: random batches with huge, tiny and masked logits, a family
of growing row widths (marked with "size"), and large batches fatal to summing the
row again for every entry (O(n²) per row)."""

NEG_INF = float("-inf")


def _row(rng, n, scale, masked):
    row = [rng.uniform(-scale, scale) for _ in range(n)]
    if rng.random() < 0.3:
        row[rng.randrange(n)] = rng.randrange(-5, 6)  # an int among the floats
    for _ in range(masked):
        row[rng.randrange(n)] = NEG_INF
    if max(row) == NEG_INF:
        row[rng.randrange(n)] = 0.0
    return row


def _case(name, logits, size=None):
    test = {"name": name, "args": [logits]}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(24):
        rows, n = rng.randrange(1, 6), rng.randrange(1, 12)
        scale = rng.choice([1, 10, 100, 1000, 5000])
        masked = rng.choice([0, 0, 1, n // 2])
        tests.append(_case(f"random-{t}", [_row(rng, n, scale, masked) for _ in range(rows)]))
    # Growth family: 20 rows of growing width.
    for n in (64, 128, 256, 512, 1_024, 2_048, 4_096):
        tests.append(_case(f"scale-{n}", [_row(rng, n, 50, n // 16) for _ in range(20)], n))
    tests.append(_case("large-wide-row", [_row(rng, 100_000, 800, 1_000)]))
    tests.append(_case("large-many-rows", [_row(rng, 10, 800, 1) for _ in range(10_000)]))
    return tests
