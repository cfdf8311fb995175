def can_shift(a: str, b: str) -> bool:
    """Return True if b is a rotation (a cyclic shift) of a."""
    raise NotImplementedError
