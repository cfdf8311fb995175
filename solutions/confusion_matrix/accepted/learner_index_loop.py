# A learner's confusion matrix with a hand-written label search: a Python loop
# over the labels for each sample, O(n·L), the complexity the statement allows.


def find(labels, value):
    for i in range(len(labels)):
        if labels[i] == value:
            return i
    return -1


def confusion_matrix(y_true, y_pred, labels=None, normalize=None):
    if normalize is not None and normalize != "true" and normalize != "pred" and normalize != "all":
        raise ValueError("unknown normalize")
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("bad input lengths")
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    found = False
    for t in y_true:
        if find(labels, t) != -1:
            found = True
            break
    if not found:
        raise ValueError("labels has no value of y_true")

    size = len(labels)
    cm = []
    for i in range(size):
        cm.append([0] * size)
    for k in range(len(y_true)):
        i = find(labels, y_true[k])
        j = find(labels, y_pred[k])
        if i != -1 and j != -1:
            cm[i][j] += 1

    if normalize is None:
        return cm
    row_sums = [sum(cm[i]) for i in range(size)]
    col_sums = [sum(cm[i][j] for i in range(size)) for j in range(size)]
    total = sum(row_sums)
    out = []
    for i in range(size):
        row = []
        for j in range(size):
            if normalize == "true":
                divisor = row_sums[i]
            elif normalize == "pred":
                divisor = col_sums[j]
            else:
                divisor = total
            row.append(cm[i][j] / divisor if divisor > 0 else 0.0)
        out.append(row)
    return out
