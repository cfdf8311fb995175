# A learner's O(n log n): wrap each sample in a small class that sorts by score,
# sort, then walk the groups of equal scores counting the negatives below.


class Sample:
    def __init__(self, score, label):
        self.score = score
        self.label = label

    def __lt__(self, other):
        return self.score < other.score


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score must have the same length")
    samples = []
    for i in range(len(y_true)):
        samples.append(Sample(y_score[i], y_true[i]))
    samples.sort()

    positives = 0
    negatives = 0
    for s in samples:
        if s.label:
            positives += 1
        else:
            negatives += 1
    if positives == 0 or negatives == 0:
        raise ValueError("need both classes")

    wins = 0.0
    negatives_below = 0
    i = 0
    while i < len(samples):
        j = i
        pos_here = 0
        neg_here = 0
        while j < len(samples) and samples[j].score == samples[i].score:
            if samples[j].label:
                pos_here += 1
            else:
                neg_here += 1
            j += 1
        wins += pos_here * negatives_below + pos_here * neg_here * 0.5
        negatives_below += neg_here
        i = j
    return wins / (positives * negatives)
