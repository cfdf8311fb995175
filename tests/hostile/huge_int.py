# An integer of a million digits, with Python's guard on int-to-text conversion lifted.
import sys

sys.set_int_max_str_digits(0)


def can_shift(a, b):
    return 7**1_200_000
