def cosine_top_k(items: list[list[float]], queries: list[list[float]], k: int) -> list[list[int]]:
    """For each query, the indices of the k most cosine-similar items, best first."""
    raise NotImplementedError
