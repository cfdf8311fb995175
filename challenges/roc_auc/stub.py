def roc_auc(y_true: list[int], y_score: list[float]) -> float:
    """The area under the ROC curve of scores y_score for 0/1 labels y_true."""
    raise NotImplementedError
