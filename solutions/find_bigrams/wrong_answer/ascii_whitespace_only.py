# Splits on ASCII whitespace only; str.split() also splits "\xa0", "\u2003", ...
import re


def find_bigrams(text):
    sentences = [text] if isinstance(text, str) else text
    out = []
    for s in sentences:
        words = [w for w in re.split(r"[ \t\r\n]+", s.lower()) if w]
        out += list(zip(words, words[1:]))
    return out
