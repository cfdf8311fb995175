# A learner's confusion matrix: labels.index() per sample, O(n·L), which the
# statement allows; checks membership with `in` on the labels list.


def confusion_matrix(y_true, y_pred, labels=None, normalize=None):
    if normalize not in [None, "true", "pred", "all"]:
        raise ValueError("normalize must be None, 'true', 'pred' or 'all'")
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred have different lengths")
    if len(y_true) == 0:
        raise ValueError("empty input")
    if labels is None:
        labels = sorted(set(y_true + y_pred))
    if len(labels) == 0:
        raise ValueError("labels is empty")
    if not any(label in labels for label in y_true):
        raise ValueError("no label of y_true is in labels")

    n = len(labels)
    matrix = [[0] * n for _ in range(n)]
    for t, p in zip(y_true, y_pred):
        if t in labels and p in labels:
            matrix[labels.index(t)][labels.index(p)] += 1

    if normalize == "true":
        for i in range(n):
            row_sum = sum(matrix[i])
            matrix[i] = [x / row_sum if row_sum else 0.0 for x in matrix[i]]
    elif normalize == "pred":
        col_sums = [sum(matrix[i][j] for i in range(n)) for j in range(n)]
        matrix = [[matrix[i][j] / col_sums[j] if col_sums[j] else 0.0 for j in range(n)] for i in range(n)]
    elif normalize == "all":
        total = sum(sum(row) for row in matrix)
        matrix = [[x / total if total else 0.0 for x in row] for row in matrix]
    return matrix
