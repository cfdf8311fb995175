"""Hidden tests for cosine_top_k: random catalogues with planted exact ties (duplicates,
power-of-two multiples, zero vectors, vectors of disjoint support), every k from 1 to
past the catalogue, a family of growing catalogues (marked with "size"), whose largest
sizes are fatal to k passes of "find the best remaining" (O(n·k))."""


def _vector(rng, d):
    return [round(rng.gauss(0, 1), 6) for _ in range(d)]


def _catalogue(rng, n, d):
    items = [_vector(rng, d) for _ in range(n)]
    for i in range(n):
        roll = rng.random()
        if i and roll < 0.1:
            items[i] = list(items[rng.randrange(i)])  # a duplicate of an earlier item
        elif i and roll < 0.2:
            scale = rng.choice([2.0, 0.5, 4.0, -2.0])
            items[i] = [x * scale for x in items[rng.randrange(i)]]  # a power-of-two multiple
        elif roll < 0.25:
            items[i] = [0.0] * d
        elif roll < 0.3:
            items[i] = [0.0] * d
            items[i][rng.randrange(d)] = rng.choice([1.0, -2.0, 0.25, 4.0])  # one axis, a power of two
    return items


def _queries(rng, items, d, m):
    queries = []
    for _ in range(m):
        roll = rng.random()
        if roll < 0.2:
            q = [0.0] * d
            q[rng.randrange(d)] = 1.0  # disjoint from most one-axis items: ties at 0
        elif roll < 0.3:
            q = [0.0] * d
        elif roll < 0.5:
            q = list(rng.choice(items))
        else:
            q = _vector(rng, d)
        queries.append(q)
    return queries


def _case(name, items, queries, k, size=None):
    test = {"name": name, "args": [items, queries, k]}
    if size is not None:
        test["size"] = size
    return test


def generate(rng):
    tests = []
    for t in range(30):
        n, d = rng.randrange(1, 25), rng.randrange(1, 6)
        items = _catalogue(rng, n, d)
        k = rng.choice([1, 2, 3, n, n + 2, max(1, n // 2)])
        tests.append(_case(f"random-{t}", items, _queries(rng, items, d, rng.randrange(0, 5)), k))
    # Growth family: catalogues of n items of dimension 8, k = n/2, 2 queries.
    for n in (1_250, 2_500, 5_000, 10_000, 20_000):
        items = _catalogue(rng, n, 8)
        tests.append(_case(f"scale-{n}", items, _queries(rng, items, 8, 2), n // 2, n))
    items = _catalogue(rng, 10_000, 16)
    tests.append(_case("large-16-dims-top-10", items, _queries(rng, items, 16, 10), 10))
    return tests
