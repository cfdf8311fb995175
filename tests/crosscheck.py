"""Helpers of the cross-checks: a built-in challenge's reference against a trusted library.

Each check runs a reference and the library on thousands of seeded random inputs, errors
included, and on every test of the challenge itself. Where a contract deliberately
differs from the library (an error where the library returns NaN, say), those inputs are
asserted on our side only, and the statement says so.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from judge.checkers.values import compare
from judge.problems.problemset import ProblemSet, builtin_root
from judge.problems.testdata import load_reference
from judge.runner.harness import plain, unplain

BUILTIN = ProblemSet(builtin_root(), "built-in")
#: Random inputs per cross-check.
ROUNDS = 2_000


def reference(cid: str) -> Callable[..., Any]:
    return load_reference(BUILTIN.challenge(cid))


def outcome(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[str, Any]:
    """("value", plain value) or ("raises", "ValueError"), warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return "value", unplain(plain(func(*args, **kwargs)))
        except ValueError:  # scikit-learn's InvalidParameterError is a ValueError too
            return "raises", "ValueError"


def assert_same(ours: tuple[str, Any], theirs: tuple[str, Any], tol: float, what: str) -> None:
    assert ours[0] == theirs[0], f"{what}: ours {ours}, the library's {theirs}"
    if ours[0] == "value":
        diff = compare(theirs[1], ours[1], rel_tol=tol, abs_tol=tol)
        assert diff is None, f"{what}: {diff}"


def expected_outcome(case: Any) -> tuple[str, Any]:
    """A test's own answer, in outcome()'s form."""
    return ("raises", case.raises) if case.raises else ("value", case.expected)


def agreed_on_every_test(cid: str, func: Callable[..., Any], tol: float, skip: Callable[[str, Any], bool]) -> int:
    """Assert the library agrees with every test of a challenge (but those ``skip`` leaves
    out: the inputs where our contract differs on purpose); how many were compared."""
    compared = 0
    for case in BUILTIN.challenge(cid).tests:
        if skip(cid, case):
            continue
        assert_same(expected_outcome(case), outcome(func, *case.args, **case.kwargs), tol, f"{cid}/{case.name}")
        compared += 1
    return compared
