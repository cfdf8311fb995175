import ctypes


def can_shift(a, b):
    return ctypes.string_at(1)
