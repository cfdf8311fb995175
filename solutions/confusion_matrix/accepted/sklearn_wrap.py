# scikit-learn's function has our semantics and raises ValueError on every rule
# but one: an unknown normalize raises its InvalidParameterError, a ValueError subclass.
from sklearn.metrics import confusion_matrix as _sk_confusion_matrix


def confusion_matrix(y_true, y_pred, labels=None, normalize=None):
    return _sk_confusion_matrix(y_true, y_pred, labels=labels, normalize=normalize)
