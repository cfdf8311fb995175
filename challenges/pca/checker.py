"""PCA scores are unique up to the sign of each component: accept either sign, per column.

A column matches when every score is within TOL × (1 + the column's largest |expected|)
of the expected score, or every score is within that of its negation. A column of zeros
(a component beyond the rank of the data) matches a column of zeros of either sign.
"""

import math

#: Scores are compared relative to the scale of their column.
TOL = 1e-6


def _matrix(value, rows, cols):
    if not isinstance(value, list) or len(value) != rows:
        return f"expected a list of {rows} rows"
    for i, row in enumerate(value):
        if not isinstance(row, list) or len(row) != cols:
            return f"row {i}: expected a list of {cols} scores"
        for x in row:
            if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
                return f"row {i}: {x!r} is not a finite number"
    return None


def check(expected, got, *, args, kwargs):
    rows = len(expected)
    cols = len(expected[0]) if rows else 0
    problem = _matrix(got, rows, cols)
    if problem:
        return False, problem
    for j in range(cols):
        e = [row[j] for row in expected]
        g = [row[j] for row in got]
        tol = TOL * (1 + max(abs(x) for x in e))
        if any(all(abs(gi - sign * ei) <= tol for gi, ei in zip(g, e)) for sign in (1, -1)):
            continue
        # Name the first score that misses, under the sign the column as a whole leans to.
        sign = -1 if sum(gi * ei for gi, ei in zip(g, e)) < 0 else 1
        for i, (gi, ei) in enumerate(zip(g, e)):
            if abs(gi - sign * ei) > tol:
                return False, (
                    f"component {j}: row {i} scores {gi!r}, expected {sign * ei!r} "
                    f"(the column's sign is free, but one sign for the whole column)"
                )
    return True
