def chunk_text(tokens, size, overlap):
    if size < 1:
        raise ValueError(f"size must be at least 1, not {size}")
    if overlap < 0:
        raise ValueError(f"overlap must be at least 0, not {overlap}")
    if overlap >= size:
        raise ValueError(f"overlap ({overlap}) must be smaller than size ({size}), or the windows never advance")
    n = len(tokens)
    if n == 0:
        return []
    step = size - overlap
    # Window i starts at i*step; the last is the first whose end reaches n.
    count = 1 if n <= size else 1 + -(-(n - size) // step)
    return [tokens[i * step : i * step + size] for i in range(count)]
