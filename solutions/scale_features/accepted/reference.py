import math

METHODS = ("standard", "minmax")


def scale_features(X_train, X_test, method="standard"):
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    if not X_train:
        raise ValueError("X_train has no rows: nothing to fit")
    d = len(X_train[0])
    if d == 0:
        raise ValueError("rows have no columns")
    for which, X in (("X_train", X_train), ("X_test", X_test)):
        for i, row in enumerate(X):
            if len(row) != d:
                raise ValueError(f"{which}[{i}] has {len(row)} values, not {d}")
    n = len(X_train)
    shift, scale = [], []
    for col in zip(*X_train):
        lo, hi = min(col), max(col)
        if method == "minmax":
            center, spread = lo, hi - lo
        else:
            center = math.fsum(col) / n
            # Two passes: deviations from the mean, never mean(x²) - mean².
            spread = math.sqrt(math.fsum((x - center) ** 2 for x in col) / n)
        # Equal values are a constant column, whatever rounding left in the spread.
        shift.append(center)
        scale.append(1.0 if lo == hi else spread)
    return [[(x - c) / s for x, c, s in zip(row, shift, scale)] for row in X_test]
