def pca(X: list[list[float]], k: int) -> list[list[float]]:
    """The scores of the centred X on its first k principal components (n × k)."""
    raise NotImplementedError
