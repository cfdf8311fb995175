# A 60 MB answer of empty lists, cheap for the child to make: it used to take the judge to 1.2 GB.
import __main__

TEXT = "[" + "[]," * 20_000_000 + "[]]"


def to_json(value):
    return TEXT


__main__.to_json = to_json


def can_shift(a, b):
    return len(a) == len(b) and b in a + a
