"""Value comparison and the child's value conversion: what counts as the same answer."""

from __future__ import annotations

import json
import math
import random

import numpy as np
import pytest

from judge.checkers import CheckResult, default_checker, normalise
from judge.checkers.values import compare
from judge.model.config import Check
from judge.runner.harness import Unsupported, decode, plain, to_json, unplain


def roundtrip(value: object) -> object:
    """What the judge sees of a value the solution returned."""
    return unplain(plain(value))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ((1, 2), [1, 2]),
        (range(3), [0, 1, 2]),
        (np.array([[1, 2], [3, 4]]), [[1, 2], [3, 4]]),
        (np.int64(7), 7),
        (np.float64(0.5), 0.5),
        (np.bool_(True), True),
        ([("a", "b")], [["a", "b"]]),
        ({"k": (1,)}, {"k": [1]}),
        (np.array(["x", "y"]), ["x", "y"]),
    ],
)
def test_sequences_and_numpy_become_plain(value: object, expected: object) -> None:
    got = roundtrip(value)
    assert compare(expected, got) is None
    assert type(got) is type(expected)


def test_numpy_bool_is_a_bool_not_an_int() -> None:
    assert roundtrip(np.bool_(False)) is False


def test_nan_and_inf_survive_the_trip() -> None:
    got = roundtrip([float("nan"), float("inf"), -math.inf])
    assert isinstance(got, list)
    assert math.isnan(got[0]) and got[1] == math.inf and got[2] == -math.inf


class AlwaysEqual:
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = object.__hash__


class SneakyInt(int):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = int.__hash__


@pytest.mark.parametrize("value", [AlwaysEqual(), [AlwaysEqual()], SneakyInt(3), {1: 2}, {1, 2}, object()])
def test_objects_that_are_not_plain_values_are_refused(value: object) -> None:
    with pytest.raises(Unsupported):
        plain(value)


def test_deep_nesting_is_refused_not_a_crash() -> None:
    value: list = []
    for _ in range(1000):
        value = [value]
    with pytest.raises(Unsupported):
        plain(value)


@pytest.mark.parametrize(
    ("expected", "got", "ok"),
    [
        ([1, 2], [1, 2], True),
        ([1, 2], [2, 1], False),
        ([1, 2], [1, 2, 3], False),
        (True, 1, False),
        (1, True, False),
        (0, False, False),
        (2, 2.0, True),
        ("a", "A", False),
        (None, None, True),
        (None, 0, False),
        ({"a": 1}, {"a": 1}, True),
        ({"a": 1}, {"b": 1}, False),
        ([[1, "x"]], [[1, "x"]], True),
    ],
)
def test_exact_comparison(expected: object, got: object, ok: bool) -> None:
    assert (compare(expected, got) is None) is ok


@pytest.mark.parametrize(
    ("expected", "got", "ok"),
    [
        (0.1 + 0.2, 0.3, True),
        (1.0, 1.0 + 1e-12, True),
        (1.0, 1.001, False),
        (float("nan"), float("nan"), True),
        (float("nan"), 1.0, False),
        (1.0, float("nan"), False),
        (float("inf"), float("inf"), True),
        (float("inf"), float("-inf"), False),
        (float("inf"), 1e308, False),
        ([0.5, 0.25], [0.5, 0.25 + 1e-15], True),
    ],
)
def test_float_comparison_within_tolerance_never_crashes(expected: float, got: float, ok: bool) -> None:
    assert (compare(expected, got, rel_tol=1e-9, abs_tol=1e-9) is None) is ok


def test_exact_floats_without_tolerance() -> None:
    assert compare(0.3, 0.1 + 0.2) is not None
    assert compare(0.5, 0.5) is None


def test_unordered_comparison() -> None:
    assert compare([3, 1, 2], [1, 2, 3], unordered=True) is None
    assert compare([1, 1, 2], [1, 2, 2], unordered=True) is not None


def test_a_difference_is_described_with_its_path() -> None:
    message = compare([[1, 2], [3, 4]], [[1, 2], [3, 5]])
    assert message is not None and "[1][1]" in message and "5" in message


def test_default_checker_and_normalise() -> None:
    check = default_checker(Check(rel_tol=0.0, abs_tol=1e-6))
    assert check.check([1.0], [1.0000001], args=[], kwargs={}).ok
    assert not check.check([1.0], [1.1], args=[], kwargs={}).ok
    assert normalise(True) == CheckResult(True)
    assert normalise((False, "why")) == CheckResult(False, "why")
    with pytest.raises(TypeError):
        normalise("yes")


def _random_value(rng: random.Random, depth: int = 0) -> object:
    kind = rng.randrange(9 if depth < 3 else 6)
    if kind == 0:
        return rng.randrange(-(10**20), 10**20)
    if kind == 1:
        return rng.choice([0.1, -2.5, 1e308, float("nan"), float("inf"), -0.0, 3.0])
    if kind == 2:
        return rng.choice(["", "a", "{", "é", '"', "\x00"])
    if kind == 3:
        return rng.choice([True, False])
    if kind == 4:
        return None
    if kind == 5:
        return np.int64(rng.randrange(100))
    if kind == 6:
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if kind == 7:
        return tuple(_random_value(rng, depth + 1) for _ in range(rng.randrange(4)))
    return {rng.choice("abc{"): _random_value(rng, depth + 1) for _ in range(rng.randrange(3))}


def test_the_fast_json_path_writes_exactly_what_plain_does() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        value = [_random_value(rng) for _ in range(rng.randrange(4))]
        assert to_json(value) == json.dumps(plain(value)), value
        assert compare(unplain(plain(value)), decode(to_json(value))) is None


def test_the_fast_json_path_runs_no_solution_code() -> None:
    class Loud(int):
        def __repr__(self) -> str:
            raise AssertionError("ran solution code")

    assert to_json([Loud(3)]) == "[3]"
