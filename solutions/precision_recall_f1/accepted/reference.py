AVERAGES = (None, "micro", "macro", "weighted", "binary")


def _ratio(num, den, zero_division):
    return num / den if den else float(zero_division)


def precision_recall_f1(y_true, y_pred, average=None, pos_label=1, zero_division=0.0):
    if average not in AVERAGES:
        raise ValueError(f"average must be one of {AVERAGES}, not {average!r}")
    if isinstance(zero_division, bool) or zero_division not in (0, 1):
        raise ValueError(f"zero_division must be 0 or 1, not {zero_division!r}")
    if len(y_true) != len(y_pred):
        raise ValueError(f"y_true has {len(y_true)} values but y_pred has {len(y_pred)}")
    if not y_true:
        raise ValueError("empty input")
    labels = sorted(set(y_true) | set(y_pred))
    if average == "binary":
        if len(labels) > 2:
            raise ValueError(f"average='binary' needs at most two labels, not {len(labels)}: {labels}")
        if len(labels) == 2 and pos_label not in labels:
            raise ValueError(f"pos_label={pos_label!r} is not a label; the labels are {labels}")
        labels = [pos_label]
    tp = dict.fromkeys(labels, 0)
    pred = dict.fromkeys(labels, 0)
    true = dict.fromkeys(labels, 0)
    for t, p in zip(y_true, y_pred):
        if t in true:
            true[t] += 1
            if t == p:
                tp[t] += 1
        if p in pred:
            pred[p] += 1
    if average == "micro":
        counts = [(sum(tp.values()), sum(pred.values()), sum(true.values()))]
    else:
        counts = [(tp[label], pred[label], true[label]) for label in labels]
    precision = [_ratio(a, p, zero_division) for a, p, _ in counts]
    recall = [_ratio(a, t, zero_division) for a, _, t in counts]
    # F1 from the counts: undefined only when the label is in neither list.
    f1 = [_ratio(2 * a, t + p, zero_division) for a, p, t in counts]
    if average is None:
        return precision, recall, f1, [t for _, _, t in counts]
    if average == "weighted":
        weights = [t for _, _, t in counts]
    else:
        weights = [1] * len(counts)
    total = sum(weights)

    def mean(values):
        return sum(v * w for v, w in zip(values, weights)) / total

    return mean(precision), mean(recall), mean(f1), None
