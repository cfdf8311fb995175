# Joins the sentences first, so ("everything", "get") sneaks in.
def find_bigrams(text):
    if not isinstance(text, str):
        text = " ".join(text)
    words = text.lower().split()
    return list(zip(words, words[1:]))
