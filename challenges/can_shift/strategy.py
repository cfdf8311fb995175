"""Small inputs for the counterexample search: two short strings over a tiny alphabet.

Random pairs of strings are almost never rotations of each other, so b is drawn four
ways, simplest first: any string of a's length, a rotation of a (the True cases, where
anchoring and search bugs hide), a reordering of a's letters (same letters, wrong
order), or a string of any length. The length is drawn once for both strings, so
shrinking shortens them together; it goes towards empty strings, so the interview's
loop is shown ("", "").
"""

from hypothesis import strategies as st

ALPHABET = "abA"
MAX_LEN = 6


def _text(n):
    return st.text(alphabet=ALPHABET, min_size=n, max_size=n)


@st.composite
def _pair(draw):
    n = draw(st.integers(0, MAX_LEN))
    a = draw(_text(n))
    how = draw(st.sampled_from(["same length", "rotation", "reordering", "any length"]))
    if how == "same length":
        b = draw(_text(n))
    elif how == "rotation":
        k = draw(st.integers(0, max(n - 1, 0)))
        b = a[k:] + a[:k]
    elif how == "reordering":
        b = "".join(draw(st.permutations(a)))
    else:
        b = draw(st.text(alphabet=ALPHABET, max_size=MAX_LEN))
    return {"args": [a, b], "kwargs": {}}


def inputs():
    return _pair()
