"""Calls that are not the challenge's tests: the learner's own inputs and the search's.

Each becomes a visible ``TestCase`` whose expected answer is the reference's, computed in
the judge's process (the reference is trusted code) on the same JSON-decoded values the
solution will see. A strategy.py draws the search's inputs.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

from msgspec import Struct

from judge.model.errors import ChallengeError, JudgeError
from judge.problems.bounded import answer as bounded_answer
from judge.problems.challenge import Challenge
from judge.problems.testcase import TestCase
from judge.problems.testdata import import_file, load_reference, reference_answer


class Call(Struct, frozen=True):
    """One call of the challenge's function: positional and keyword arguments, as plain JSON values."""

    args: list[Any]
    kwargs: dict[str, Any]


class Reference:
    """The reference solution, in this process: its answer on any call, and whether a call fits it."""

    def __init__(self, challenge: Challenge) -> None:
        self.challenge = challenge
        self.func = load_reference(challenge)
        self.signature = inspect.signature(self.func)

    def misfit(self, call: Call) -> str | None:
        """Why the call does not fit the function's parameters (too many, missing, unknown), or None."""
        try:
            self.signature.bind(*call.args, **call.kwargs)
        except TypeError as exc:
            return str(exc)
        return None

    def case(self, name: str, call: Call, *, bounded: bool = False) -> TestCase:
        """A visible test of this call whose expected answer (or exception) is the reference's.

        ``bounded``: the call is a learner's own, of any size, so the reference answers it in a
        forked process with a deadline and a memory limit (``judge.problems.bounded``).
        """
        args, kwargs = json.loads(json.dumps(call.args)), json.loads(json.dumps(call.kwargs))
        case = TestCase(name=name, hidden=False, args=args, kwargs=kwargs)
        answer = bounded_answer if bounded else reference_answer
        case.expected, case.raises = answer(self.func, case, self.challenge.reference_path)
        return case


def custom_cases(challenge: Challenge, calls: list[Call]) -> list[TestCase]:
    """The learner's calls as tests custom-1, custom-2, ...; a call that does not fit is a usage error."""
    if not calls:
        return []
    reference = Reference(challenge)
    cases = []
    for i, call in enumerate(calls, 1):
        why = reference.misfit(call)
        if why is not None:
            which = f"call {i}" if len(calls) > 1 else "your call"
            raise JudgeError(f"{which} does not fit {challenge.config.signature}: {why}; {example(challenge)}")
        cases.append(reference.case(f"custom-{i}", call, bounded=True))
    return cases


def example(challenge: Challenge) -> str:
    """How --input (and --kwargs) would give the first sample test's call."""
    sample = next((t for t in challenge.tests if not t.hidden), None)
    if sample is None:
        return "give the arguments as a JSON list with --input"
    text = f"e.g. --input '{json.dumps(sample.args)}'"
    return text + (f" --kwargs '{json.dumps(sample.kwargs)}'" if sample.kwargs else "")


def load_strategy(challenge: Challenge) -> Any | None:
    """The strategy of strategy.py's ``inputs()`` (a Hypothesis SearchStrategy), or None without the file."""
    path = challenge.strategy_path
    if path is None:
        return None
    module = import_file(path, f"_judge_strategy_{challenge.id}")
    inputs = getattr(module, "inputs", None)
    if not callable(inputs):
        raise ChallengeError(
            path, "must define inputs() returning a Hypothesis strategy of {'args': [...], 'kwargs': {...}}"
        )
    try:
        strategy = inputs()
    except Exception as exc:
        raise ChallengeError(path, f"inputs() failed: {type(exc).__name__}: {exc}") from None
    from hypothesis.strategies import SearchStrategy  # deferred: Hypothesis is slow to import

    if not isinstance(strategy, SearchStrategy):
        raise ChallengeError(path, f"inputs() must return a Hypothesis strategy, not {type(strategy).__name__}")
    return strategy


def drawn_call(drawn: Any, path: Any) -> Call:
    """A value the strategy drew, as a Call; a ChallengeError names what is wrong with it."""
    if not isinstance(drawn, dict) or not isinstance(drawn.get("args", []), (list, tuple)):
        raise ChallengeError(path, f"inputs() must draw dicts {{'args': [...], 'kwargs': {{...}}}}, not {drawn!r}")
    extra = set(drawn) - {"args", "kwargs"}
    kwargs = drawn.get("kwargs", {})
    if extra or not isinstance(kwargs, dict):
        raise ChallengeError(path, f"inputs() must draw dicts {{'args': [...], 'kwargs': {{...}}}}, not {drawn!r}")
    try:
        args, kwargs = json.loads(json.dumps(list(drawn.get("args", [])))), json.loads(json.dumps(kwargs))
    except (TypeError, ValueError) as exc:
        raise ChallengeError(path, f"inputs() drew a value JSON cannot hold ({exc}): {drawn!r}") from None
    return Call(args, kwargs)
