def can_shift(a: str, b: str) -> bool:
    # Every rotation of a is a substring of a + a, and nothing else of length len(a) is.
    return len(a) == len(b) and b in a + a
