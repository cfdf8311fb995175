"""Large hidden tests for find_bigrams: a growth family of texts of n words,
and one text of 120 000 words with mixed whitespace and case."""

WORDS = ["data", "Drives", "EVERYTHING", "get", "the", "skills", "you", "need", "for", "future", "of", "work.", "ML,", "é"]
SPACES = [" ", " ", " ", "  ", "\t", "\n", " \r\n "]


def _text(rng, n):
    parts = []
    for _ in range(n):
        parts.append(rng.choice(WORDS))
        parts.append(rng.choice(SPACES))
    return "".join(parts)


def generate(rng):
    tests = []
    # Small enough that an O(n²) list-concat finishes its first sizes, so its n² shows.
    for n in (1_000, 2_000, 4_000, 8_000, 16_000):
        tests.append({"name": f"scale-{n}", "args": [_text(rng, n)], "size": n})
    tests.append({"name": "huge-text", "args": [_text(rng, 120_000)]})
    sentences = [_text(rng, rng.randrange(0, 12)) for _ in range(10_000)]
    tests.append({"name": "many-sentences", "args": [sentences]})
    return tests
