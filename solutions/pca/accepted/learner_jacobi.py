import math


def eigen_symmetric(A):
    """Eigenvalues and eigenvectors (as columns of V) of a symmetric matrix, by Jacobi rotations."""
    n = len(A)
    A = [row[:] for row in A]
    V = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    for sweep in range(100):
        off = 0.0
        total = 0.0
        for i in range(n):
            for j in range(n):
                total += A[i][j] ** 2
                if j > i:
                    off += A[i][j] ** 2
        if off <= 1e-30 * total:  # what is left off the diagonal is rounding noise
            break
        for p in range(n):
            for q in range(p + 1, n):
                if abs(A[p][q]) < 1e-300:
                    continue
                # the rotation angle that zeroes A[p][q]
                theta = (A[q][q] - A[p][p]) / (2 * A[p][q])
                t = (1 if theta >= 0 else -1) / (abs(theta) + math.sqrt(theta * theta + 1))
                c = 1 / math.sqrt(t * t + 1)
                s = t * c
                for r in range(n):
                    arp = A[r][p]
                    arq = A[r][q]
                    A[r][p] = c * arp - s * arq
                    A[r][q] = s * arp + c * arq
                for r in range(n):
                    apr = A[p][r]
                    aqr = A[q][r]
                    A[p][r] = c * apr - s * aqr
                    A[q][r] = s * apr + c * aqr
                for r in range(n):
                    vrp = V[r][p]
                    vrq = V[r][q]
                    V[r][p] = c * vrp - s * vrq
                    V[r][q] = s * vrp + c * vrq
    return [A[i][i] for i in range(n)], V


def pca(X, k):
    if len(X) == 0 or len(X[0]) == 0:
        raise ValueError("empty data")
    n = len(X)
    d = len(X[0])
    for row in X:
        if len(row) != d:
            raise ValueError("rows of different lengths")
    if k < 1 or k > min(n, d):
        raise ValueError("k out of range")

    # 1. centre every column
    means = []
    for j in range(d):
        total = 0
        for i in range(n):
            total += X[i][j]
        means.append(total / n)
    centred = []
    for i in range(n):
        row = []
        for j in range(d):
            row.append(X[i][j] - means[j])
        centred.append(row)

    # 2. the covariance matrix
    cov = [[0.0] * d for _ in range(d)]
    for row in centred:
        for a in range(d):
            for b in range(a, d):
                cov[a][b] += row[a] * row[b]
    for a in range(d):
        for b in range(a, d):
            cov[a][b] /= n - 1 if n > 1 else 1
            cov[b][a] = cov[a][b]

    # 3. its eigenvectors, biggest eigenvalue first
    values, vectors = eigen_symmetric(cov)
    order = sorted(range(d), key=lambda j: values[j], reverse=True)

    # 4. project
    scores = []
    for row in centred:
        new_row = []
        for j in order[:k]:
            s = 0.0
            for a in range(d):
                s += row[a] * vectors[a][j]
            new_row.append(s)
        scores.append(new_row)
    return scores
