"""Small inputs for the practice loop's counterexample search (see docs/authoring.md)."""

from hypothesis import strategies as st


def inputs():
    def case(pool):
        label = st.sampled_from(pool)
        pairs = st.lists(st.tuples(label, label), min_size=1, max_size=10)
        kwargs = st.fixed_dictionaries(
            {
                "average": st.sampled_from([None, "micro", "macro", "weighted", "binary"]),
                "zero_division": st.sampled_from([0, 1]),
                "pos_label": label,
            }
        )
        return st.tuples(pairs, kwargs).map(
            lambda pk: {"args": [[t for t, _ in pk[0]], [p for _, p in pk[0]]], "kwargs": pk[1]}
        )

    return st.sampled_from([[0, 1], [0, 1, 2], ["ham", "spam"], ["a", "b", "c"]]).flatmap(case)
