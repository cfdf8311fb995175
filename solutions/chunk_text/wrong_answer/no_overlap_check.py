# Never checks overlap < size: an overlap above the size gives a negative step, and
# range() quietly gives no window instead of the ValueError. (overlap == size still
# raises, by accident: range() refuses a zero step.)
def chunk_text(tokens, size, overlap):
    if size < 1 or overlap < 0:
        raise ValueError("bad size or overlap")
    n = len(tokens)
    chunks = []
    for start in range(0, n, size - overlap):
        chunks.append(tokens[start : start + size])
        if start + size >= n:
            break
    return chunks
