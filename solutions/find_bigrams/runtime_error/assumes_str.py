# Assumes text is always a string: a list of sentences has no .lower().
def find_bigrams(text):
    words = text.lower().split()
    return list(zip(words, words[1:]))
