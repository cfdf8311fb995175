"""How an answer is compared: the default value comparison, or a challenge's own check().

A checker never runs the solution; it sees plain values only (bool, int, float, str,
None, list, dict), already decoded in the judge's process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from msgspec import Struct

from judge.checkers.values import compare
from judge.model.config import Check


class CheckResult(Struct, frozen=True):
    ok: bool
    #: Why not, for the report of a sample test (never shown for hidden tests).
    message: str = ""


#: A challenge's check(expected, got, *, args, kwargs) -> bool | (bool, str) | CheckResult.
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


class Checker(Struct, frozen=True):
    """A comparison of answers, and what the pipeline may assume about it."""

    fn: CheckerFn
    #: An answer whose JSON text equals the expected answer's passes (equal text means
    #: equal values of equal types), so the pipeline may skip decoding it.
    text_match_passes: bool = False

    def check(self, expected: Any, got: Any, *, args: list[Any], kwargs: dict[str, Any]) -> CheckResult:
        """The verdict of the comparison; a checker that fails is a rejection that says so, never a pass."""
        try:
            return normalise(self.fn(expected, got, args=args, kwargs=kwargs))
        except Exception as exc:  # the author's code: a bug must not hide as a pass
            return CheckResult(False, f"the checker failed: {type(exc).__name__}: {exc}")


def default_checker(options: Check) -> Checker:
    def check(expected: Any, got: Any, **_: Any) -> CheckResult:
        diff = compare(expected, got, rel_tol=options.rel_tol, abs_tol=options.abs_tol, unordered=options.unordered)
        return CheckResult(diff is None, diff or "")

    return Checker(check, text_match_passes=not options.unordered)


def custom_checker(fn: CheckerFn) -> Checker:
    """A challenge's own check(): nothing is assumed about it, every answer is decoded for it."""
    return Checker(fn)
