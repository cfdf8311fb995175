# Keeps only full windows, so the tokens after the last full one are lost
# (and a list shorter than size gives no window at all).
def chunk_text(tokens, size, overlap):
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError("need size >= 1 and 0 <= overlap < size")
    return [tokens[i : i + size] for i in range(0, len(tokens) - size + 1, size - overlap)]
