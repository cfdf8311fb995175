# A learner's bigrams: lowercase, split into a list of words, pair each word with the
# next one using indices, one sentence at a time.


def find_bigrams(text):
    if isinstance(text, str):
        text = [text]
    bigrams = []
    for sentence in text:
        sentence = sentence.lower()
        words = sentence.split()
        if len(words) < 2:
            continue
        for i in range(1, len(words)):
            first = words[i - 1]
            second = words[i]
            bigrams.append(tuple([first, second]))
    return bigrams
