# Keep memory from one test to the next: a little in each call (within the budget), and
# 800 MiB more in each request between tests. The whole process would grow without bound.
import __main__

hoard = []
real_recv = __main__.recv


def recv():
    request, tail = real_recv()
    if request.get("op") == "free":
        hoard.append(b"y" * (800 << 20))
    return request, tail


__main__.recv = recv


def can_shift(a, b):
    hoard.append(b"x" * (8 << 20))
    return len(a) == len(b) and b in a + a
