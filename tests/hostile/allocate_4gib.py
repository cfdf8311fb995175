def can_shift(a, b):
    block = b"x" * (4 << 30)
    return len(block) > 0
