def time_series_split(
    n_samples: int,
    n_splits: int = 5,
    *,
    max_train_size: int | None = None,
    test_size: int | None = None,
    gap: int = 0,
) -> list[tuple[list[int], list[int]]]:
    """The (train indices, test indices) folds of a forward-chaining time-series split."""
    raise NotImplementedError
