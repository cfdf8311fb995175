def kmeans(X, init, max_iter=300):
    """Lloyd's algorithm from the centroids init: (labels, final centroids)."""
    raise NotImplementedError
