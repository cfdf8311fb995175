"""Small inputs for the counterexample search: a few labels of three values, equal
lengths (and, rarely, unequal ones), with or without a labels list (which may name
values that never occur, or none of y_true), and every normalize."""

from hypothesis import strategies as st


@st.composite
def _call(draw):
    values = draw(st.sampled_from([["a", "b", "c"], [0, 1, 2]]))
    label = st.sampled_from(values)
    n = draw(st.integers(1, 5))
    y_true = draw(st.lists(label, min_size=n, max_size=n))
    y_pred = draw(st.lists(label, min_size=n, max_size=n) | st.lists(label, max_size=6))
    kwargs = {}
    labels = draw(st.none() | st.lists(label, max_size=3, unique=True))
    if labels is not None:
        kwargs["labels"] = labels
    normalize = draw(st.sampled_from([None, "true", "pred", "all"]))
    if normalize is not None:
        kwargs["normalize"] = normalize
    return {"args": [y_true, y_pred], "kwargs": kwargs}


def inputs():
    return _call()
