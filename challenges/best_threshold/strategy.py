"""Small inputs for the practice loop's counterexample search (see docs/authoring.md)."""

from hypothesis import strategies as st


def inputs():
    # Few score levels: ties within and across the classes are common.
    pairs = st.lists(st.tuples(st.integers(0, 1), st.integers(0, 5) | st.sampled_from([0.5, 2.5])), max_size=12)
    metric = st.sampled_from(["f1", "youden"])
    return st.tuples(pairs, metric).map(
        lambda pm: {"args": [[y for y, _ in pm[0]], [s for _, s in pm[0]]], "kwargs": {"metric": pm[1]}}
    )
