# Try to lift the memory and CPU limits, then allocate 600 MiB. A lifted limit is raised.
import resource

LIFTED = []
for name in ("RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_NPROC", "RLIMIT_FSIZE"):
    limit = getattr(resource, name)
    try:
        resource.setrlimit(limit, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        LIFTED.append(name)
    except (ValueError, OSError):
        pass


def can_shift(a, b):
    if LIFTED:
        raise RuntimeError("LEAK lifted " + ", ".join(LIFTED))
    block = b"x" * (600 << 20)
    return len(block) > 0
