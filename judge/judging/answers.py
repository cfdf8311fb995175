"""Reading a solution's answer in the judge: hostile text in, a plain value or a reason out.

The answer's JSON text comes from the child, which the solution controls entirely: it
can be huge, nested thousands deep, or hold forged markers. Reading it must never raise,
never take the judge's memory far beyond the text's own size, and never hand the rest of
the judge a value it cannot print or compare (so nesting is bounded here too).
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from judge.runner.harness import MAX_DEPTH, decode_answer

#: The most memory the judge lets one answer's decoded value take (estimated before decoding).
DECODE_LIMIT = 256 * 1024 * 1024
#: Below this many characters an answer cannot come near DECODE_LIMIT: no estimate needed.
ESTIMATE_FROM = 1024 * 1024


class Unreadable(Struct, frozen=True):
    """Why an answer's text was not turned into a value."""

    message: str


def decoded_bytes(text: str) -> int:
    """An upper bound on the memory ``json.loads`` builds from ``text``.

    Containers cost the most per character (``[]`` is 3 characters and 64 bytes), then
    strings and numbers; counting is done at C speed, before anything is built.
    """
    containers = text.count("[") + text.count("{")
    return len(text) + 64 * containers + 32 * text.count(",") + 32 * (text.count('"') // 2)


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and dicts nest more than ``limit`` levels (walked without recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item if type(item) is list else item.values() if type(item) is dict else ()
        stack.extend((child, depth + 1) for child in children if type(child) in (list, dict))
    return False


def read(text: str) -> Any:
    """The answer's value, or an Unreadable saying why not."""
    if len(text) >= ESTIMATE_FROM:
        size = decoded_bytes(text)
        if size > DECODE_LIMIT:
            return Unreadable(
                f"the answer is too large to check (about {size >> 20} MiB once decoded; "
                f"the judge reads at most {DECODE_LIMIT >> 20} MiB)"
            )
    try:
        value = decode_answer(text)
    except RecursionError:
        return Unreadable(f"the answer is nested more than {MAX_DEPTH} levels deep")
    except Exception as exc:  # noqa: BLE001 - the text is the child's: any failure is its answer's fault
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        return Unreadable(f"the answer could not be read ({reason})")
    if text.count("[") + text.count("{") > MAX_DEPTH and too_deep(value):
        return Unreadable(f"the answer is nested more than {MAX_DEPTH} levels deep")
    return value
