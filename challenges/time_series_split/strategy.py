"""Small inputs for the counterexample search: up to a dozen samples, a few splits, and
each keyword (max_train_size, test_size, gap) left out or small. Many of these calls
raise ValueError, as the statement says they must."""

from hypothesis import strategies as st


@st.composite
def _call(draw):
    n_samples = draw(st.integers(0, 12))
    n_splits = draw(st.integers(1, 5))
    kwargs = {}
    for key, values in (
        ("max_train_size", st.integers(1, 6)),
        ("test_size", st.integers(1, 4)),
        ("gap", st.integers(1, 3)),
    ):
        value = draw(st.none() | values)
        if value is not None:
            kwargs[key] = value
    return {"args": [n_samples, n_splits], "kwargs": kwargs}


def inputs():
    return _call()
