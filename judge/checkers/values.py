"""Comparing plain values: sequences by value, floats within a tolerance, NaN safely."""

from __future__ import annotations

import math
from typing import Any

_SHOW = 80


def show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHOW else text[: _SHOW - 3] + "..."


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "str"
    if value is None:
        return "None"
    if isinstance(value, list):
        return "sequence"
    if isinstance(value, dict):
        return "dict"
    return type(value).__name__


def _floats_close(a: float, b: float, rel_tol: float, abs_tol: float) -> bool:
    # NaN only matches NaN, and infinities only themselves; isclose never raises on either.
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)


def _sort_key(value: Any) -> tuple[str, str]:
    return (_kind(value), repr(value))


def compare(
    expected: Any, got: Any, *, rel_tol: float = 0.0, abs_tol: float = 0.0, unordered: bool = False, path: str = ""
) -> str | None:
    """None when ``got`` matches ``expected``, else a one-line description of the first difference.

    bool is not a number here: True and 1 differ. An int and a float compare by value.
    """
    where = f" at {path}" if path else ""
    ek, gk = _kind(expected), _kind(got)
    if ek != gk:
        return f"expected {ek} {show(expected)}{where}, got {gk} {show(got)}"
    if ek == "number":
        if isinstance(expected, float) or isinstance(got, float):
            if _floats_close(float(expected), float(got), rel_tol, abs_tol):
                return None
        elif expected == got:
            return None
        return f"expected {show(expected)}{where}, got {show(got)}"
    if ek == "sequence":
        if unordered:
            expected, got = sorted(expected, key=_sort_key), sorted(got, key=_sort_key)
        for i, (e, g) in enumerate(zip(expected, got, strict=False)):
            diff = compare(e, g, rel_tol=rel_tol, abs_tol=abs_tol, path=f"{path}[{i}]")
            if diff:
                if len(expected) != len(got):
                    return f"expected {len(expected)} items{where}, got {len(got)}; first difference: {diff}"
                return diff
        if len(expected) != len(got):
            i = min(len(expected), len(got))
            extra = f"missing {show(expected[i])}" if len(expected) > len(got) else f"unexpected {show(got[i])}"
            return f"expected {len(expected)} items{where}, got {len(got)}; from {path}[{i}] on: {extra}"
        return None
    if ek == "dict":
        if set(expected) != set(got):
            missing = sorted(set(expected) - set(got))
            unexpected = sorted(set(got) - set(expected))
            return f"keys differ{where}: missing {missing}, unexpected {unexpected}"
        for key in expected:
            diff = compare(expected[key], got[key], rel_tol=rel_tol, abs_tol=abs_tol, path=f"{path}[{key!r}]")
            if diff:
                return diff
        return None
    if expected == got:
        return None
    return f"expected {show(expected)}{where}, got {show(got)}"
