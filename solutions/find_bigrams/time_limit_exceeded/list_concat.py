# Correct, but `result = result + [pair]` copies the whole list every time: O(n^2).
def find_bigrams(text):
    sentences = [text] if isinstance(text, str) else text
    result = []
    for sentence in sentences:
        words = sentence.lower().split()
        for i in range(len(words) - 1):
            result = result + [(words[i], words[i + 1])]
    return result
