def linear_regression(X: list[list[float]], y: list[float]) -> tuple[list[float], float, float]:
    """(coef, intercept, R²) of the least-squares fit of y on X, with an intercept."""
    raise NotImplementedError
