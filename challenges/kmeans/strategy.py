"""Small inputs for the practice loop's counterexample search (see docs/authoring.md).

Small integer points and centroids: distances tie often (and exactly, as the statement
promises for tests with ties: means of clusters of these sizes are exact or never tie).
"""

from hypothesis import strategies as st


def inputs():
    def case(d):
        point = st.lists(st.integers(-4, 4), min_size=d, max_size=d)
        return st.tuples(
            st.lists(point, min_size=1, max_size=8), st.lists(point, min_size=1, max_size=3), st.integers(1, 4)
        )

    return st.integers(1, 2).flatmap(case).map(lambda c: {"args": list(c), "kwargs": {}})
