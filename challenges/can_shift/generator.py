"""Large hidden tests for can_shift: adversarial for rotate-and-compare loops,
plus a family of growing sizes (marked with "size") for the growth report."""


def _case(name, a, b, size=None):
    test = {"name": name, "args": [a, b]}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    # Growth family: a no-rotation near miss of growing length. The naive loop
    # tries every rotation; a linear search does one pass.
    for n in (4_000, 8_000, 16_000, 32_000, 64_000):
        tests.append(_case(f"scale-{n}", "a" * (n - 1) + "b", "a" * (n - 2) + "bb", size=n))
    n = 300_000
    # All equal but one: every rotation starts like b, so shortcuts on the first
    # character do not help, and the answer is False.
    tests.append(_case("huge-all-equal-miss", "a" * n, "a" * (n - 1) + "b"))
    # The rotation that works is the very last one tried.
    s = "".join(rng.choice("ab") for _ in range(n))
    tests.append(_case("huge-last-rotation", s, s[-1] + s[:-1]))
    # A random binary string against a rotation with one flipped character.
    k = rng.randrange(n)
    r = s[k:] + s[:k]
    i = rng.randrange(n)
    r = r[:i] + ("a" if r[i] == "b" else "b") + r[i + 1 :]
    tests.append(_case("huge-near-miss", s, r))
    # Periodic text, where naive matching backtracks the most.
    p = ("ab" * (n // 2 - 1)) + "aa"
    tests.append(_case("huge-periodic", p, p[5:] + p[:5]))
    return tests
