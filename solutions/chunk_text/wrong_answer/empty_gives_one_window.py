# Always emits the first window, so an empty token list gives [[]] instead of [].
def chunk_text(tokens, size, overlap):
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError("need size >= 1 and 0 <= overlap < size")
    chunks = []
    start = 0
    while True:
        chunks.append(tokens[start : start + size])
        if start + size >= len(tokens):
            return chunks
        start += size - overlap
