"""Small inputs for the practice loop's counterexample search (see docs/authoring.md)."""

from hypothesis import strategies as st


def inputs():
    tokens = st.lists(st.sampled_from(["a", "b", "c", "d"]) | st.integers(0, 9), max_size=20)
    size = st.integers(-1, 8)
    overlap = st.integers(-1, 9)
    return st.builds(lambda t, s, o: {"args": [t, s, o], "kwargs": {}}, tokens, size, overlap)
