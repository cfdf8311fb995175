# scikit-learn computes the same area; it only disagrees on one class, where it
# returns NaN with a warning and our rule raises.
from sklearn.metrics import roc_auc_score


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score differ in length")
    if len({bool(y) for y in y_true}) < 2:
        raise ValueError("ROC AUC is undefined with one class")
    return roc_auc_score([int(y) for y in y_true], y_score)


# scikit-learn imports parts of itself on the first call: make that call at load time,
# which is never charged to a test, as the judge does for allowed_modules.
roc_auc_score([0, 1], [0.0, 1.0])
