def confusion_matrix(y_true: list, y_pred: list, labels: list | None = None, normalize: str | None = None) -> list[list]:
    """Count (true label, predicted label) pairs: rows are true labels, columns predicted ones."""
    raise NotImplementedError
