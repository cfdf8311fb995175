# One window per start below n: after the window that reaches the end come windows
# that lie inside it (e.g. [8, 9] after [6, 7, 8, 9]).
def chunk_text(tokens, size, overlap):
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError("need size >= 1 and 0 <= overlap < size")
    return [tokens[i : i + size] for i in range(0, len(tokens), size - overlap)]
