def squared_distance(p, q):
    total = 0
    for i in range(len(p)):
        total += (p[i] - q[i]) ** 2
    return total


def kmeans(X, init, max_iter=300):
    if len(X) == 0 or len(init) == 0:
        raise ValueError("need points and centroids")
    d = len(X[0])
    if d == 0:
        raise ValueError("points need coordinates")
    for p in X + init:
        if len(p) != d:
            raise ValueError("dimensions differ")
    if len(init) > len(X):
        raise ValueError("more centroids than points")
    if max_iter < 1:
        raise ValueError("max_iter must be at least 1")

    k = len(init)
    centroids = []
    for c in init:
        centroids.append(list(c))

    def nearest(point):
        best = 0
        best_distance = squared_distance(point, centroids[0])
        for j in range(1, k):
            dist = squared_distance(point, centroids[j])
            if dist < best_distance:
                best = j
                best_distance = dist
        return best

    labels = []
    for p in X:
        labels.append(nearest(p))
    for iteration in range(max_iter):
        # move each centroid to the mean of its points
        for j in range(k):
            members = []
            for i in range(len(X)):
                if labels[i] == j:
                    members.append(X[i])
            if len(members) > 0:  # an empty cluster keeps its centroid
                new_centroid = []
                for dim in range(d):
                    total = 0
                    for m in members:
                        total += m[dim]
                    new_centroid.append(total / len(members))
                centroids[j] = new_centroid
        new_labels = []
        for p in X:
            new_labels.append(nearest(p))
        if new_labels == labels:
            break
        labels = new_labels
    return labels, centroids
