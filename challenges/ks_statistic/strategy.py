"""Small inputs for the practice loop's counterexample search (see docs/authoring.md)."""

from hypothesis import strategies as st

# Few distinct values, so ties within and across the samples are common.
VALUE = st.integers(-3, 3) | st.sampled_from([0.5, -0.5, 1.25, 2.0])


def inputs():
    sample = st.lists(VALUE, max_size=12)
    return st.tuples(sample, sample).map(lambda ab: {"args": list(ab), "kwargs": {}})
