# Exceptions that fight being described: a __str__ that raises, a class whose name is not
# a string, a __repr__ that recurses, a message of many megabytes. One per test, in turn.
class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no")


class Meta(type):
    @property
    def __name__(cls):
        return 12345


class BadName(Exception, metaclass=Meta):
    pass


class Recursive(Exception):
    def __repr__(self):
        return repr(self)

    __str__ = __repr__


class BadQualname(Exception):
    pass


BadQualname.__qualname__ = "x" * 100_000
KINDS = [BadStr(), BadName(), Recursive(), ValueError("m" * (20 << 20)), BadQualname(), SystemExit(object())]
count = [0]


def can_shift(a, b):
    count[0] += 1
    raise KINDS[count[0] % len(KINDS)]
