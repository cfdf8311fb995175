"""precision_recall_f1, best_threshold and ks_statistic against scikit-learn and scipy.

Thousands of seeded random inputs each, errors included, then every test of the
challenge. Where our contract deliberately differs (an error where the library warns or
returns NaN), the input is asserted on our side only; each statement says so.
"""

from __future__ import annotations

import math
import random
from typing import Any

import pytest
from crosscheck import ROUNDS, agreed_on_every_test, assert_same, outcome, reference

np = pytest.importorskip("numpy")
pytest.importorskip("sklearn")
pytest.importorskip("scipy")


# --- precision_recall_f1 ------------------------------------------------------------


def sk_prf(y_true: list, y_pred: list, **kwargs: Any) -> tuple:
    from sklearn.metrics import precision_recall_fscore_support

    return precision_recall_fscore_support(y_true, y_pred, **kwargs)


def prf_kwargs(rng: random.Random, pool: list) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if rng.random() < 0.8:
        kwargs["average"] = rng.choice([None, "micro", "macro", "weighted", "binary", "binary", "samples", "mean"])
    if rng.random() < 0.6:
        kwargs["pos_label"] = rng.choice([*pool, 1, 1])
    if rng.random() < 0.7:
        kwargs["zero_division"] = rng.choice([0, 1, 0.0, 1.0, 1.0, 0.5, "warn"])
    return kwargs


@pytest.mark.slow
def test_precision_recall_f1_matches_sklearn() -> None:
    ours_fn = reference("precision_recall_f1")
    rng = random.Random(11)
    compared = 0
    for i in range(ROUNDS):
        pool = rng.choice([[0, 1], [1, 2], [-2, 0, 3, 7], ["ham", "spam"], ["ant", "bee", "Cat"]])
        n = rng.randrange(0, 10)
        y_true = [rng.choice(pool) for _ in range(n)]
        y_pred = [rng.choice(pool) for _ in range(n + (rng.random() < 0.05))]
        kwargs = prf_kwargs(rng, pool)
        ours = outcome(ours_fn, y_true, y_pred, **kwargs)
        if kwargs.get("zero_division") == "warn":
            # scikit-learn's "warn" acts as 0 with a warning; here only 0 and 1 are accepted.
            assert ours == ("raises", "ValueError")
            continue
        labels = set(y_true) | set(y_pred)
        valid = kwargs.get("zero_division", 0) in (0, 1) and len(y_true) == len(y_pred)
        single = valid and len(labels) == 1 and kwargs.get("average") == "binary"
        if single and kwargs.get("pos_label", 1) not in labels:
            # One label and an absent pos_label: scikit-learn counts pos_label's (all zero
            # division) when the types compare, and fails inside numpy when they do not
            # (a str label and the int pos_label). Our rule is the first, always.
            z = float(kwargs.get("zero_division", 0))
            assert ours == ("value", [z, z, z, None]), f"case {i}"
            continue
        assert_same(ours, outcome(sk_prf, y_true, y_pred, **kwargs), 1e-12, f"case {i}: {y_true} {y_pred} {kwargs}")
        compared += 1
    assert compared > ROUNDS * 3 // 4


# --- best_threshold -----------------------------------------------------------------


def sk_best_threshold(y_true: list, y_score: list, metric: str = "f1") -> float:
    """The best threshold from scikit-learn's curves; ties within 1e-12 go to the largest."""
    from sklearn.metrics import precision_recall_curve, roc_curve

    if metric == "f1":
        precision, recall, thresholds = precision_recall_curve(y_true, y_score)
        p, r = precision[:-1], recall[:-1]  # thresholds ascending, one fewer than the points
        values = np.divide(2 * p * r, p + r, out=np.zeros_like(p), where=(p + r) > 0)
        candidates = list(zip(values.tolist(), thresholds.tolist(), strict=True))
    elif metric == "youden":
        fpr, tpr, thresholds = roc_curve(y_true, y_score, drop_intermediate=False)
        candidates = list(zip((tpr - fpr)[1:].tolist(), thresholds[1:].tolist(), strict=True))  # not inf
    else:
        raise ValueError(metric)
    best = max(v for v, _ in candidates)
    return max(t for v, t in candidates if v >= best - 1e-12)


@pytest.mark.slow
def test_best_threshold_matches_sklearn_curves() -> None:
    ours_fn = reference("best_threshold")
    rng = random.Random(12)
    compared = 0
    for i in range(ROUNDS):
        n = rng.randrange(0, 30)
        y = [int(rng.random() < rng.choice([0.2, 0.5, 0.8])) for _ in range(n)]
        levels = rng.choice([1, 2, 3, 10, 10**6])
        scores = [rng.randrange(levels) / rng.choice([1, 8, 1000]) for _ in range(n + (rng.random() < 0.05))]
        metric = rng.choice(["f1", "f1", "youden", "youden", "auc"])
        ours = outcome(ours_fn, y, scores, metric=metric)
        if len(set(y)) < 2 and len(y) == len(scores) and metric != "auc":
            assert ours == ("raises", "ValueError")  # scikit-learn warns and divides by zero
            continue
        theirs = outcome(sk_best_threshold, y, scores, metric=metric)
        assert_same(ours, theirs, 0, f"case {i}: {y} {scores} {metric}")
        compared += 1
    assert compared > ROUNDS * 3 // 4


# --- ks_statistic ---------------------------------------------------------------------


def ks_2samp(a: list, b: list) -> float:
    from scipy.stats import ks_2samp as scipy_ks

    return float(scipy_ks(a, b).statistic)


@pytest.mark.slow
def test_ks_statistic_matches_scipy() -> None:
    ours_fn = reference("ks_statistic")
    rng = random.Random(13)
    for i in range(ROUNDS):
        n, m = rng.randrange(0, 25), rng.randrange(0, 25)
        levels = rng.choice([2, 5, 20, 10**9])
        shift = rng.choice([0, 1, 3])
        a = [rng.randrange(levels) / rng.choice([1, 4]) for _ in range(n)]
        b = [(rng.randrange(levels) + shift) / rng.choice([1, 4]) for _ in range(m)]
        ours = outcome(ours_fn, a, b)
        if not a or not b:
            assert ours == ("raises", "ValueError")  # scipy returns NaN (or raises)
            continue
        assert_same(ours, outcome(ks_2samp, a, b), 1e-12, f"case {i}: {a} {b}")


# --- every test of the three challenges agrees with the library ---------------------


def _skip_pinned(cid: str, case: Any) -> bool:
    """Tests of a rule where the library disagrees on purpose (see each statement)."""
    if case.raises is None:
        return False
    if cid == "ks_statistic":
        return True  # empty samples: scipy gives NaN
    if cid == "best_threshold":
        y = case.args[0]
        return len({bool(v) for v in y}) < 2  # one class: scikit-learn divides by zero
    if cid == "precision_recall_f1":
        return case.kwargs.get("zero_division") == "warn"
    return False


LIBRARY = {
    "precision_recall_f1": (sk_prf, 1e-9),
    "best_threshold": (sk_best_threshold, 0.0),
    "ks_statistic": (ks_2samp, 1e-9),
}


@pytest.mark.slow
@pytest.mark.parametrize("cid", sorted(LIBRARY))
def test_every_expected_answer_agrees_with_the_library(cid: str) -> None:
    func, tol = LIBRARY[cid]
    assert agreed_on_every_test(cid, func, tol, _skip_pinned) >= 30


def test_youden_ties_need_the_tolerance() -> None:
    """The statement's example: J ties exactly, but tpr - fpr in floats does not."""
    assert 0.6 - 0.2 != 1.0 - 0.6 and math.isclose(0.6 - 0.2, 1.0 - 0.6, abs_tol=1e-12)
    y = [1, 0, 1, 1, 0, 0, 1, 1, 0, 0]
    scores = list(range(10, 0, -1))
    assert reference("best_threshold")(y, scores, "youden") == 7
    assert sk_best_threshold(y, scores, "youden") == 7
