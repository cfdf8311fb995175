def can_shift(a, b):
    return [0] * 200_000_000
