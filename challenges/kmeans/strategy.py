"""Small inputs for the practice loop's counterexample search (see docs/authoring.md).

Small integer points and centroids, so distances tie often (and exactly: the centroids of
such small clusters keep ties exact). A far point now and then makes the data's variance
large next to the centroids' moves, which is where a tolerance-based stop goes wrong.
"""

from hypothesis import strategies as st

COORD = st.sampled_from([0, 1, 2, -1, 3, -2, 4, 60, -60])


@st.composite
def _call(draw):
    d = draw(st.integers(1, 2))
    point = st.lists(COORD, min_size=d, max_size=d)
    X = draw(st.lists(point, min_size=1, max_size=8))
    k = draw(st.integers(1, min(3, len(X))))
    init = draw(st.lists(point, min_size=k, max_size=k))
    max_iter = draw(st.sampled_from([300, 1, 2, 3]))
    return {"args": [X, init, max_iter], "kwargs": {}}


def inputs():
    return _call()
