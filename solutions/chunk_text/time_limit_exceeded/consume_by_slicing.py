# Right answers, but `rest = rest[step:]` copies what is left of the list once per
# window: O(n²/step).
def chunk_text(tokens, size, overlap):
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError("need size >= 1 and 0 <= overlap < size")
    chunks = []
    rest = list(tokens)
    while rest:
        chunks.append(rest[:size])
        if len(rest) <= size:
            break
        rest = rest[size - overlap :]
    return chunks
