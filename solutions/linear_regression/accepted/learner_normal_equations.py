import math


def jacobi(A):
    """Eigenvalues and eigenvectors (columns of V) of a symmetric matrix, by Jacobi rotations."""
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
        if off <= 1e-30 * total:
            break
        for p in range(n):
            for q in range(p + 1, n):
                if A[p][q] == 0:
                    continue
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


def linear_regression(X, y):
    if len(X) == 0 or len(X[0]) == 0:
        raise ValueError("empty X")
    n = len(X)
    d = len(X[0])
    for row in X:
        if len(row) != d:
            raise ValueError("rows of different lengths")
    if len(y) != n:
        raise ValueError("X and y differ in length")

    x_mean = []
    for j in range(d):
        total = 0
        for i in range(n):
            total += X[i][j]
        x_mean.append(total / n)
    y_mean = sum(y) / n

    # normal equations of the centred data: (Xc^T Xc) coef = Xc^T yc
    XtX = [[0.0] * d for _ in range(d)]
    Xty = [0.0] * d
    for i in range(n):
        xc = [X[i][j] - x_mean[j] for j in range(d)]
        yc = y[i] - y_mean
        for a in range(d):
            Xty[a] += xc[a] * yc
            for b in range(a, d):
                XtX[a][b] += xc[a] * xc[b]
    for a in range(d):
        for b in range(a):
            XtX[a][b] = XtX[b][a]

    # pseudo-inverse: invert only the eigenvalues that are not (numerically) zero
    values, vectors = jacobi(XtX)
    biggest = max(values) if values else 0.0
    coef = [0.0] * d
    for j in range(d):
        if values[j] > 1e-10 * biggest and values[j] > 0:
            along = 0.0
            for a in range(d):
                along += vectors[a][j] * Xty[a]
            for a in range(d):
                coef[a] += vectors[a][j] * along / values[j]

    intercept = y_mean
    for j in range(d):
        intercept -= x_mean[j] * coef[j]

    if min(y) == max(y):
        return coef, intercept, 1.0
    ss_res = 0.0
    ss_tot = 0.0
    for i in range(n):
        prediction = intercept
        for j in range(d):
            prediction += coef[j] * X[i][j]
        ss_res += (y[i] - prediction) ** 2
        ss_tot += (y[i] - y_mean) ** 2
    return coef, intercept, 1 - ss_res / ss_tot
