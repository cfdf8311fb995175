# An index loop with append: what most learners write. O(n) in all.
def find_bigrams(text):
    if isinstance(text, str):
        text = [text]
    result = []
    for sentence in text:
        words = sentence.lower().split()
        for i in range(len(words) - 1):
            result.append((words[i], words[i + 1]))
    return result
