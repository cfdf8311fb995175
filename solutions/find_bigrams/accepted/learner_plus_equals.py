# A learner's bigrams: remember the previous word, add each pair with `+=`
# (which extends the list in place: O(1) amortised, unlike `result = result + [...]`).


def find_bigrams(text):
    if type(text) == str:
        sentences = [text]
    else:
        sentences = text
    result = []
    for sentence in sentences:
        previous = None
        for word in sentence.lower().split():
            if previous is not None:
                result += [(previous, word)]
            previous = word
    return result
