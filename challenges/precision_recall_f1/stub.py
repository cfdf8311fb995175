def precision_recall_f1(y_true, y_pred, average=None, pos_label=1, zero_division=0.0):
    """(precision, recall, f1, support) per label, or averaged as `average` says."""
    raise NotImplementedError
