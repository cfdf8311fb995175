def find_bigrams(text):
    sentences = [text] if isinstance(text, str) else text
    bigrams = []
    for sentence in sentences:
        words = sentence.lower().split()
        bigrams.extend(zip(words, words[1:]))
    return bigrams
