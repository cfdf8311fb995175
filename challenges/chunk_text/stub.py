def chunk_text(tokens: list, size: int, overlap: int) -> list[list]:
    """Windows of `size` tokens, each repeating the last `overlap` tokens of the one before."""
    raise NotImplementedError
