"""Small inputs for the counterexample search: a few points on a tiny integer grid (so
distances and votes tie often), two labels, and k from 0 to one past the number of
training points (the ends raise ValueError)."""

from hypothesis import strategies as st


@st.composite
def _call(draw):
    d = draw(st.integers(1, 2))
    point = st.lists(st.integers(0, 2), min_size=d, max_size=d)
    X_train = draw(st.lists(point, min_size=1, max_size=5))
    labels = draw(st.sampled_from([["a", "b"], [0, 1]]))
    y_train = [draw(st.sampled_from(labels)) for _ in X_train]
    X_test = draw(st.lists(point, max_size=2))
    k = draw(st.integers(1, len(X_train)) | st.sampled_from([0, len(X_train) + 1]))
    return {"args": [X_train, y_train, X_test, k], "kwargs": {}}


def inputs():
    return _call()
