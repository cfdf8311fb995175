# split(" ") keeps empty words between repeated spaces and does not split tabs or newlines.
def find_bigrams(text):
    sentences = [text] if isinstance(text, str) else text
    out = []
    for s in sentences:
        words = s.lower().split(" ")
        out += list(zip(words, words[1:]))
    return out
