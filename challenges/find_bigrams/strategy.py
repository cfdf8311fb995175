"""Small inputs for the counterexample search: a few words with the separators and
letters where the rules bite (any whitespace, case, punctuation, "ß"), as one text or a
list of sentences."""

from hypothesis import strategies as st

#: "ß" lowercases to itself but casefolds to "ss"; "a." keeps its punctuation.
WORDS = st.sampled_from(["a", "A", "b", "a.", "ß"])
#: str.split() splits on all of these, and on runs of them.
SEPARATORS = st.sampled_from([" ", "  ", "\t", "\n", "\xa0", "\u2003"])


@st.composite
def _sentence(draw):
    words = draw(st.lists(WORDS, max_size=4))
    text = ""
    for i, word in enumerate(words):
        text += (draw(SEPARATORS) if i else "") + word
    if draw(st.booleans()):
        text = draw(SEPARATORS) + text + draw(SEPARATORS)
    return text


def inputs():
    one = _sentence()
    several = st.lists(_sentence(), max_size=3)
    return st.one_of(one, several).map(lambda text: {"args": [text], "kwargs": {}})
