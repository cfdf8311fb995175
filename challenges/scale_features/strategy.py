"""Small inputs for the practice loop's counterexample search (see docs/authoring.md)."""

from hypothesis import strategies as st

VALUE = st.integers(-5, 5) | st.floats(-100, 100, allow_nan=False, allow_infinity=False)


def inputs():
    def matrices(width):
        row = st.lists(VALUE, min_size=width, max_size=width)
        return st.tuples(st.lists(row, min_size=1, max_size=6), st.lists(row, max_size=4))

    method = st.sampled_from(["standard", "minmax"])
    return st.tuples(st.integers(1, 4).flatmap(matrices), method).map(
        lambda xm: {"args": [xm[0][0], xm[0][1]], "kwargs": {"method": xm[1]}}
    )
