"""Each challenge's strategy.py draws small inputs the reference answers (or refuses with a
promised error), and those inputs reach every known wrong answer: for each file in
wrong_answer/ the strategy alone yields an input it gets wrong. Run in this process, on
plain values, which is quick; the practice loop does the same search in the sandbox."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest
from crosscheck import BUILTIN
from hypothesis import HealthCheck, Phase, find, settings
from hypothesis.errors import NoSuchExample

from judge.problems.testdata import import_file, load_reference
from judge.runner.harness import plain, unplain

WITH_STRATEGY = [cid for cid in BUILTIN.ids() if (BUILTIN.challenge(cid).path / "strategy.py").is_file()]
SEARCH = settings(
    database=None,
    deadline=None,
    derandomize=True,
    max_examples=3000,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def strategy(cid: str) -> Any:
    return import_file(BUILTIN.challenge(cid).path / "strategy.py", f"_strategy_{cid}").inputs()


def result(func: Any, call: dict[str, Any]) -> tuple[str, Any]:
    """("value", plain value) or ("raises", the exception's name), on a fresh JSON copy of the call."""
    args, kwargs = json.loads(json.dumps(call["args"])), json.loads(json.dumps(call.get("kwargs", {})))
    try:
        return "value", unplain(plain(func(*args, **kwargs)))
    except Exception as exc:
        return "raises", type(exc).__name__


def test_the_new_challenges_have_strategies() -> None:
    assert len(WITH_STRATEGY) >= 11


@pytest.mark.parametrize("cid", WITH_STRATEGY)
def test_strategy_draws_small_calls_the_reference_answers(cid: str) -> None:
    challenge = BUILTIN.challenge(cid)
    ref = load_reference(challenge)
    promised = {t.raises for t in challenge.tests if t.raises}
    seen: list[tuple[str, Any]] = []

    def check(call: Any) -> bool:
        assert isinstance(call, dict) and set(call) <= {"args", "kwargs"}, call
        assert isinstance(call["args"], list) and isinstance(call.get("kwargs", {}), dict), call
        text = json.dumps(call, allow_nan=True)
        assert json.loads(text) == call and "NaN" not in text, f"not plain JSON: {call}"
        inspect.signature(ref).bind(*call["args"], **call.get("kwargs", {}))
        kind, value = result(ref, call)
        assert kind == "value" or value in promised, f"{cid}: the reference raised {value} on {call}"
        seen.append((kind, value))
        return False

    with pytest.raises(NoSuchExample):
        find(strategy(cid), check, settings=settings(SEARCH, max_examples=100))
    assert sum(kind == "value" for kind, _ in seen) >= len(seen) // 3, f"{cid}: mostly errors"


WRONG = [
    pytest.param(cid, path, id=f"{cid}/{path.name}")
    for cid in WITH_STRATEGY
    for path in sorted((BUILTIN.challenge(cid).solutions_path / "wrong_answer").glob("*.py"))
]


@pytest.mark.slow
@pytest.mark.parametrize(("cid", "path"), WRONG)
def test_every_wrong_answer_gets_a_counterexample_from_the_strategy(cid: str, path: Path) -> None:
    challenge = BUILTIN.challenge(cid)
    ref = load_reference(challenge)
    wrong = getattr(import_file(path, f"_wrong_{cid}_{path.stem}"), challenge.config.function)
    checker = challenge.checker

    def disagrees(call: Any) -> bool:
        expected, got = result(ref, call), result(wrong, call)
        if expected[0] != got[0] or expected[0] == "raises":
            return expected != got
        return not checker.check(expected[1], got[1], args=call["args"], kwargs=call.get("kwargs", {})).ok

    try:
        find(strategy(cid), disagrees, settings=SEARCH)
    except NoSuchExample:
        pytest.fail(f"{path.name}: no input drawn by strategy.py shows its bug")
