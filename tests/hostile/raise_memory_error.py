# The builtin MemoryError, raised by hand with no memory used.
def can_shift(a, b):
    raise MemoryError
