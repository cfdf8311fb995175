# A learner's O(n log n) Mann-Whitney: one dict per sample, sorted by score, mid-ranks
# for ties, then AUC = (sum of the positives' ranks - P(P+1)/2) / (P·N).


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("lengths differ")
    data = []
    for label, score in zip(y_true, y_score):
        data.append({"label": label, "score": score, "rank": 0})
    data.sort(key=lambda d: d["score"])

    i = 0
    while i < len(data):
        j = i
        while j + 1 < len(data) and data[j + 1]["score"] == data[i]["score"]:
            j += 1
        # positions i..j (0-based) share the ranks i+1..j+1: each gets their mean
        mid = (i + 1 + j + 1) / 2
        for k in range(i, j + 1):
            data[k]["rank"] = mid
        i = j + 1

    n_pos = sum(1 for d in data if d["label"] == 1)
    n_neg = len(data) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("only one class present")
    rank_sum = sum(d["rank"] for d in data if d["label"] == 1)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
