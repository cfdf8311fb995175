def find_bigrams(text: str | list[str]) -> list[tuple[str, str]]:
    """Return the pairs of consecutive words, in order, repeats included."""
    raise NotImplementedError
