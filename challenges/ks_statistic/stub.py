def ks_statistic(sample1: list[float], sample2: list[float]) -> float:
    """The largest gap between the empirical CDFs of two samples."""
    raise NotImplementedError
