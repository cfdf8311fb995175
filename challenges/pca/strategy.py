"""Small inputs for the practice loop's counterexample search (see docs/authoring.md).

PCA components are unique (up to sign) only when the eigenvalues are separated, so the
data are built with one: points along orthogonal axes with variances far apart, shifted
by a random mean. Some cases have fewer directions than k (rank below k).
"""

from hypothesis import strategies as st


def _build(d, rank, k, coefficients, shift):
    X = []
    for row in coefficients:
        point = [float(shift[c]) for c in range(d)]
        for j in range(rank):
            point[j] += row[j] * 4 ** (rank - j)  # axis j spread 4^(rank-j): eigenvalues 16x apart
        X.append(point)
    return {"args": [X, k], "kwargs": {}}


def inputs():
    def case(shape):
        d, rank, k = shape
        n = 2 * rank + 2
        # Symmetric +-1 patterns keep the axes uncorrelated, so the axes are the components.
        signs = st.lists(st.sampled_from([-1, 1]), min_size=rank, max_size=rank)
        coefficients = st.lists(signs, min_size=n, max_size=n).map(lambda rows: rows + [[-x for x in r] for r in rows])
        shift = st.lists(st.integers(-5, 5), min_size=d, max_size=d)
        return st.tuples(coefficients, shift).map(lambda cs: _build(d, rank, k, cs[0], cs[1]))

    shapes = st.integers(1, 4).flatmap(
        lambda d: st.tuples(st.just(d), st.integers(1, d), st.integers(0, d + 1))
    )
    return shapes.flatmap(case)
