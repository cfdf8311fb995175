# Forgets to lowercase.
def find_bigrams(text):
    sentences = [text] if isinstance(text, str) else text
    out = []
    for s in sentences:
        words = s.split()
        out += list(zip(words, words[1:]))
    return out
