def scale_features(
    X_train: list[list[float]], X_test: list[list[float]], method: str = "standard"
) -> list[list[float]]:
    """X_test scaled with statistics learned from X_train ("standard" or "minmax")."""
    raise NotImplementedError
