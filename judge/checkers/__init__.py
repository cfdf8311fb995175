"""How an answer is compared: the default value comparison, or a challenge's checker.py.

A checker never runs the solution; it sees plain values only (bool, int, float,
str, None, list, dict), already decoded in the judge's process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from judge.checkers.values import compare
from judge.config import Check


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    #: Why not, for the report of a sample test (never shown for hidden tests).
    message: str = ""


#: A custom checker: check(expected, got, *, args, kwargs) -> bool | (bool, str) | str.
CheckerFn = Callable[..., Any]


def normalise(result: Any) -> CheckResult:
    """Accept the shapes a checker may return and make one CheckResult of them."""
    if isinstance(result, CheckResult):
        return result
    if isinstance(result, bool):
        return CheckResult(result, "" if result else "the checker rejected the answer")
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], bool):
        return CheckResult(result[0], str(result[1]))
    raise TypeError(f"a checker must return bool or (bool, str), not {type(result).__name__}")


def default_checker(options: Check) -> CheckerFn:
    def check(expected: Any, got: Any, **_: Any) -> CheckResult:
        diff = compare(expected, got, rel_tol=options.rel_tol, abs_tol=options.abs_tol, unordered=options.unordered)
        return CheckResult(diff is None, diff or "")

    # An answer whose JSON text equals the expected answer's passes this checker (equal
    # text means equal values of equal types), so the grader may skip decoding it.
    check.text_match_passes = not options.unordered  # type: ignore[attr-defined]
    return check
