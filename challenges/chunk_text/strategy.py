"""Small inputs for the practice loop's counterexample search (see docs/authoring.md).

Lengths around the window boundaries, and now and then a size or an overlap that the
statement refuses (ValueError), so a missing check is found too.
"""

from hypothesis import strategies as st

TOKEN = st.sampled_from(["a", "b", "c", "d"]) | st.integers(0, 9)


@st.composite
def _call(draw):
    n = draw(st.integers(0, 12))
    tokens = draw(st.lists(TOKEN, min_size=n, max_size=n))
    if draw(st.integers(0, 9)) < 8:  # mostly valid: 1 <= size, 0 <= overlap < size
        size = draw(st.integers(1, 6))
        overlap = draw(st.integers(0, size - 1))
    else:
        size, overlap = draw(st.integers(-1, 6)), draw(st.integers(-1, 8))
    return {"args": [tokens, size, overlap], "kwargs": {}}


def inputs():
    return _call()
