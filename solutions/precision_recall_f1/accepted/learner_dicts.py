def precision_recall_f1(y_true, y_pred, average=None, pos_label=1, zero_division=0.0):
    if average not in [None, "micro", "macro", "weighted", "binary"]:
        raise ValueError("bad average")
    if zero_division != 0 and zero_division != 1:
        raise ValueError("zero_division must be 0 or 1")
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("bad input")

    labels = sorted(set(y_true + y_pred))
    if average == "binary":
        if len(labels) > 2:
            raise ValueError("binary needs two labels")
        if len(labels) == 2 and pos_label not in labels:
            raise ValueError("pos_label is not a label")
        labels = [pos_label]

    true_positives = {}
    predicted = {}
    actual = {}
    for label in labels:
        true_positives[label] = 0
        predicted[label] = 0
        actual[label] = 0
    for i in range(len(y_true)):
        t = y_true[i]
        p = y_pred[i]
        if t in actual:
            actual[t] += 1
        if p in predicted:
            predicted[p] += 1
        if t == p and t in true_positives:
            true_positives[t] += 1

    def divide(a, b):
        if b == 0:
            return float(zero_division)
        return a / b

    if average == "micro":
        tp = sum(true_positives.values())
        pred = sum(predicted.values())
        true = sum(actual.values())
        return divide(tp, pred), divide(tp, true), divide(2 * tp, true + pred), None

    precisions = []
    recalls = []
    f1s = []
    supports = []
    for label in labels:
        tp = true_positives[label]
        precisions.append(divide(tp, predicted[label]))
        recalls.append(divide(tp, actual[label]))
        f1s.append(divide(2 * tp, actual[label] + predicted[label]))
        supports.append(actual[label])
    if average is None:
        return precisions, recalls, f1s, supports
    if average == "binary":
        return precisions[0], recalls[0], f1s[0], None
    if average == "macro":
        k = len(labels)
        return sum(precisions) / k, sum(recalls) / k, sum(f1s) / k, None
    n = sum(supports)
    p = 0.0
    r = 0.0
    f = 0.0
    for i in range(len(labels)):
        p += precisions[i] * supports[i] / n
        r += recalls[i] * supports[i] / n
        f += f1s[i] * supports[i] / n
    return p, r, f, None
