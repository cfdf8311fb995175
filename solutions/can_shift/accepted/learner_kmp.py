# A learner's O(n): the textbook KMP search (a prefix table, then a while loop over
# the text), looking for b in a + a.


def build_lps(pattern):
    lps = [0] * len(pattern)
    length = 0
    i = 1
    while i < len(pattern):
        if pattern[i] == pattern[length]:
            length += 1
            lps[i] = length
            i += 1
        elif length != 0:
            length = lps[length - 1]
        else:
            lps[i] = 0
            i += 1
    return lps


def kmp_search(text, pattern):
    lps = build_lps(pattern)
    i = 0
    j = 0
    while i < len(text):
        if text[i] == pattern[j]:
            i += 1
            j += 1
            if j == len(pattern):
                return True
        elif j != 0:
            j = lps[j - 1]
        else:
            i += 1
    return False


def can_shift(a, b):
    if len(a) != len(b):
        return False
    if len(a) == 0:
        return True
    return kmp_search(a + a, b)
