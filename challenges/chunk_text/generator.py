"""Hidden tests for chunk_text: random small cases around the window boundaries, a
family of growing token counts (marked with "size"), and large cases fatal to
consuming the list with `tokens = tokens[step:]` (O(n²/step))."""

WORDS = ["the", "model", "reads", "tokens", "in", "windows", ",", ".", "of", "a", "context"]


def _case(name, tokens, size, overlap, n=None):
    test = {"name": name, "args": [tokens, size, overlap]}
    if n is not None:
        test["size"] = n
    return test


def generate(rng):
    tests = []
    for t in range(30):
        size = rng.randrange(1, 9)
        overlap = rng.randrange(0, size)
        # Lengths at, just below and just above the window boundaries (k·step + size).
        step = size - overlap
        n = max(0, rng.randrange(0, 4) * step + size + rng.choice([-1, 0, 1, rng.randrange(-size, size + 1)]))
        if t % 3 == 0:
            tokens = [rng.randrange(0, 50_000) for _ in range(n)]
        else:
            tokens = [rng.choice(WORDS) for _ in range(n)]
        tests.append(_case(f"random-{t}", tokens, size, overlap))
    # Growth family: token ids, windows of 256 sharing 32 tokens.
    for n in (20_000, 40_000, 80_000, 160_000, 320_000):
        tests.append(_case(f"scale-{n}", [rng.randrange(0, 50_000) for _ in range(n)], 256, 32, n))
    # A step of one token: 20 000 windows, 10^6 tokens out.
    tests.append(_case("large-step-one", [rng.randrange(0, 50_000) for _ in range(20_000)], 50, 49))
    # 5·10^5 tokens in plain blocks of 128.
    tests.append(_case("large-blocks", [rng.randrange(0, 50_000) for _ in range(500_000)], 128, 0))
    return tests
