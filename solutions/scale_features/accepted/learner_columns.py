import math


def scale_features(X_train, X_test, method="standard"):
    if method != "standard" and method != "minmax":
        raise ValueError("unknown method")
    if len(X_train) == 0 or len(X_train[0]) == 0:
        raise ValueError("nothing to fit")
    n = len(X_train)
    d = len(X_train[0])
    for row in X_train:
        if len(row) != d:
            raise ValueError("rows of different lengths")
    for row in X_test:
        if len(row) != d:
            raise ValueError("rows of different lengths")
    centers = []
    scales = []
    for j in range(d):
        smallest = X_train[0][j]
        largest = X_train[0][j]
        total = 0
        for i in range(n):
            total = total + X_train[i][j]
            if X_train[i][j] < smallest:
                smallest = X_train[i][j]
            if X_train[i][j] > largest:
                largest = X_train[i][j]
        if method == "standard":
            mean = total / n
            squares = 0
            for i in range(n):
                squares = squares + (X_train[i][j] - mean) ** 2
            centers.append(mean)
            scales.append(math.sqrt(squares / n))
        else:
            centers.append(smallest)
            scales.append(largest - smallest)
        if smallest == largest:
            scales[j] = 1  # a constant column: nothing to divide by
    result = []
    for i in range(len(X_test)):
        new_row = []
        for j in range(d):
            new_row.append((X_test[i][j] - centers[j]) / scales[j])
        result.append(new_row)
    return result
