# Print the inputs and raise with them, on every test.
import sys


def can_shift(a, b):
    print("INPUT", repr(a), repr(b))
    print("INPUT", repr(a), repr(b), file=sys.stderr)
    raise ValueError(f"INPUT {a!r} {b!r}")
