# Builds every window token by token, the way many people first write it.
def chunk_text(tokens, size, overlap):
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError("need size >= 1 and 0 <= overlap < size")
    chunks = []
    if len(tokens) == 0:
        return chunks
    step = size - overlap
    start = 0
    while True:
        chunk = []
        end = min(start + size, len(tokens))
        for i in range(start, end):
            chunk.append(tokens[i])
        chunks.append(chunk)
        if end == len(tokens):
            break
        start = start + step
    return chunks
