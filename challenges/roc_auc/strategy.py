"""Small inputs for the counterexample search: a few 0/1 labels with small integer or
half-step scores (so scores tie often), sometimes one class only or unequal lengths
(both raise ValueError)."""

from hypothesis import strategies as st

SCORES = st.sampled_from([0, 1, 2, 0.5, 0.25])


@st.composite
def _call(draw):
    n = draw(st.integers(0, 6))
    y_true = draw(st.lists(st.sampled_from([0, 1]), min_size=n, max_size=n))
    y_score = draw(st.lists(SCORES, min_size=n, max_size=n) | st.lists(SCORES, max_size=7))
    return {"args": [y_true, y_score], "kwargs": {}}


def inputs():
    return _call()
