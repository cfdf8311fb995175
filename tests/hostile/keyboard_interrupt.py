def can_shift(a, b):
    raise KeyboardInterrupt
