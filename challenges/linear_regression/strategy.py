"""Small inputs for the practice loop's counterexample search (see docs/authoring.md).

Small integers keep every rank deficiency exact (the statement's promise): Xc is either
of full rank and well conditioned or exactly singular, up to rounding.
"""

from hypothesis import strategies as st


def inputs():
    def case(shape):
        n, d = shape
        row = st.lists(st.integers(-3, 3), min_size=d, max_size=d)
        return st.tuples(st.lists(row, min_size=n, max_size=n), st.lists(st.integers(-5, 5), min_size=n, max_size=n))

    shapes = st.tuples(st.integers(1, 6), st.integers(1, 3))
    return shapes.flatmap(case).map(lambda xy: {"args": [xy[0], xy[1]], "kwargs": {}})
