"""Small inputs for the practice loop's counterexample search (see docs/authoring.md)."""

from hypothesis import strategies as st

# Small integers: duplicates, zero vectors and orthogonal axes come up by themselves. (Two
# different integer vectors can tie in exact arithmetic and not in floats, e.g. [1, 1] and
# [3, 3]; the reference breaks such near-ties by its own float values.)
COORD = st.integers(-2, 2)


def inputs():
    def case(d):
        vector = st.lists(COORD, min_size=d, max_size=d)
        return st.tuples(st.lists(vector, min_size=1, max_size=8), st.lists(vector, max_size=3), st.integers(1, 10))

    return st.integers(1, 3).flatmap(case).map(lambda c: {"args": list(c), "kwargs": {}})
