# Lines b up at the first place its first character occurs in a: wrong as soon
# as that character repeats ("aab" -> "aba").
def can_shift(a, b):
    if len(a) != len(b):
        return False
    if not a:
        return True
    k = a.find(b[0])
    return k >= 0 and a[k:] + a[:k] == b
