# casefold() is not lower(): "Straße".casefold() is "strasse".
def find_bigrams(text):
    sentences = [text] if isinstance(text, str) else text
    out = []
    for s in sentences:
        words = s.casefold().split()
        out += list(zip(words, words[1:]))
    return out
