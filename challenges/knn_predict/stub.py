def knn_predict(X_train: list[list[float]], y_train: list, X_test: list[list[float]], k: int) -> list:
    """Predict a label for each point of X_test by a vote of its k nearest training points."""
    raise NotImplementedError
