"""Small inputs for the practice loop's counterexample search (see docs/authoring.md)."""

from hypothesis import strategies as st

LOGIT = st.one_of(
    st.floats(-1e4, 1e4, allow_nan=False, allow_infinity=False),
    st.integers(-1000, 1000),
    st.just(float("-inf")),
)


def inputs():
    def batch(width):
        return st.lists(st.lists(LOGIT, min_size=width, max_size=width), max_size=4)

    return st.integers(1, 5).flatmap(batch).map(lambda logits: {"args": [logits], "kwargs": {}})
