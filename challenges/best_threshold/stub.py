def best_threshold(y_true: list[int], y_score: list[float], metric: str = "f1") -> float:
    """The score threshold t (predict positive when score >= t) that maximises the metric."""
    raise NotImplementedError
