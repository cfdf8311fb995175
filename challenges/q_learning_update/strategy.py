"""Small inputs for the practice loop's counterexample search (see docs/authoring.md)."""

from hypothesis import strategies as st


def inputs():
    def case(shape):
        S, A = shape
        Q = st.lists(st.lists(st.sampled_from([0, 1, 0.5, -1]), min_size=A, max_size=A), min_size=S, max_size=S)
        transition = st.tuples(
            st.integers(-1, S), st.integers(0, A - 1), st.sampled_from([-1, 0, 1, 2]), st.integers(0, S - 1), st.booleans()
        ).map(list)
        return st.fixed_dictionaries(
            {
                "args": st.tuples(
                    Q,
                    st.lists(transition, max_size=8),
                    st.sampled_from([0.5, 0.25, 1.0]),
                    st.sampled_from([0.0, 0.5, 1.0]),
                ).map(list),
                "kwargs": st.fixed_dictionaries({"epsilon": st.sampled_from([0.0, 0.5, 1.0]), "seed": st.integers(0, 99)}),
            }
        )

    return st.tuples(st.integers(1, 4), st.integers(1, 3)).flatmap(case)
