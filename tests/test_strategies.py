"""Each challenge's strategy.py draws small calls of plain JSON values that the reference
answers, or refuses with an error the challenge's own tests promise (never another one).

Whether those calls reach every known wrong answer is tests/test_counterexample.py's check,
through the practice loop's search in the sandbox."""

from __future__ import annotations

import inspect
import json
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
    max_examples=100,
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


def test_every_builtin_challenge_has_a_strategy() -> None:
    assert WITH_STRATEGY == BUILTIN.ids()


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
        find(strategy(cid), check, settings=SEARCH)
    assert any(kind == "value" for kind, _ in seen), f"{cid}: the reference refused every call drawn"
