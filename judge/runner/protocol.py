"""What crosses between the judge and its child: budgets, how a request ended, typed replies.

The harness (``judge.runner.harness``) answers each request with one JSON object. The
judge turns it into one of the reply types below in one place, ``parse_reply``, and
nothing else reads the child's JSON. A reply that fits none of them is a protocol error.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from msgspec import Struct


class Budget(Struct, frozen=True):
    cpu_s: float
    wall_s: float
    #: Memory the request may add above what the child held when it started.
    memory_bytes: int


class Status(StrEnum):
    REPLY = "reply"  #: the child answered
    TIME = "time"  #: killed: over the CPU budget or the wall-clock backstop
    MEMORY = "memory"  #: killed: over the memory budget
    DIED = "died"  #: the child exited or crashed without answering
    PROTOCOL = "protocol"  #: the child wrote something that is not a reply


class Done(Struct, frozen=True):
    """The request did what it asked (loaded the solution, decoded the input, ran the call)."""

    stdout: str = ""
    stderr: str = ""
    #: On a load: the allowed modules the child could not import, with why (``"numpy: ImportError: ..."``).
    unavailable: tuple[str, ...] = ()


class Raised(Struct, frozen=True):
    """The solution raised (or exited) while loading or during the call."""

    type: str
    #: The exception class and its bases (its MRO) as ``module.qualname`` strings.
    #: (Not called ``mro``: a dataclass would take ``type.mro`` for that field's default.)
    bases: tuple[str, ...]
    message: str
    traceback: str
    stdout: str = ""
    stderr: str = ""
    #: For an ImportError: the module that could not be imported.
    module: str | None = None

    def is_a(self, name: str) -> bool:
        """Whether the exception is an instance of a class called ``name`` (builtin or not)."""
        return any(entry == f"builtins.{name}" or entry.endswith(f".{name}") for entry in self.bases)


class Missing(Struct, frozen=True):
    """The solution loaded but does not define the function."""

    message: str
    stdout: str = ""
    stderr: str = ""
    #: The public callables it does define (for a did-you-mean).
    functions: tuple[str, ...] = ()


class Answer(Struct, frozen=True):
    """The call's return value, as JSON text in the harness's encoding (not yet checked: hostile)."""

    json: str
    #: The arguments the call changed in place (positions, keyword names), when asked to check.
    mutated: tuple[int | str, ...] = ()


class Refused(Struct, frozen=True):
    """The call's return value cannot be judged (not plain data); the message says why."""

    message: str


class Tested(Struct, frozen=True):
    """A call that returned and its answer, in one reply (a test in one request: ``op: test``).

    A call that raised replies with a plain ``Raised``.
    """

    call: Done
    answer: Answer | Refused


Reply = Done | Raised | Missing | Answer | Refused | Tested


def _str(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{key} is not a string")
    return value


def _list(data: dict[str, Any], key: str, kinds: tuple[type, ...]) -> tuple[Any, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(type(v) in kinds for v in value):
        raise ValueError(f"{key} is not a list of {' or '.join(k.__name__ for k in kinds)}")
    return tuple(value)


def parse_reply(raw: bytes, tail: bytes | memoryview | None = None) -> Reply:
    """The typed reply in one frame (its JSON object and binary tail); ValueError when it is not one.

    The child is hostile: anything malformed (bad UTF-8, deep nesting, wrong types) raises
    here, and the caller turns it into the request's outcome.
    """
    try:
        data = json.loads(raw)
    except RecursionError:
        raise ValueError("the reply is nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError("a reply is a JSON object")
    if "answer" in data and isinstance(data["answer"], dict):
        return _tested(data, tail)
    return _single(data, tail)


def _single(data: dict[str, Any], tail: bytes | memoryview | None) -> Reply:
    status = data.get("status")
    prints = {"stdout": _str(data, "stdout"), "stderr": _str(data, "stderr")}
    if status == "ok" and data.get("answer") is True:
        if tail is None:
            raise ValueError("an answer reply without the answer")
        return Answer(str(tail, "utf-8"), _list(data, "mutated", (int, str)))
    if tail is not None:
        raise ValueError("a tail on a reply that has none")
    if status == "ok":
        unavailable = data.get("unavailable", {})
        if not isinstance(unavailable, dict) or not all(isinstance(v, str) for v in unavailable.values()):
            raise ValueError("unavailable is not a table of strings")
        return Done(**prints, unavailable=tuple(f"{name}: {why}" for name, why in unavailable.items()))
    if status == "exception":
        module = _str(data, "module") or None
        mro = _list(data, "mro", (str,))
        return Raised(_str(data, "type"), mro, _str(data, "message"), _str(data, "traceback"), **prints, module=module)
    if status == "missing":
        return Missing(_str(data, "message"), **prints, functions=_list(data, "functions", (str,)))
    if status == "unsupported":
        return Refused(_str(data, "message"))
    raise ValueError(f"unknown reply status {status!r}")


def _tested(data: dict[str, Any], tail: bytes | memoryview | None) -> Tested:
    """A call that returned, with its answer (the frame's tail) or why the answer cannot be judged."""
    outer = {k: v for k, v in data.items() if k != "answer"}
    if outer.get("status") != "ok" or "unavailable" in outer:
        raise ValueError("an answer after a call that did not return")
    call = _single(outer, None)
    answer = _single(data["answer"], tail)
    if not isinstance(call, Done) or not isinstance(answer, (Answer, Refused)):
        raise ValueError("a test's reply holds a call and its answer")
    return Tested(call, answer)


class Outcome(Struct):
    """How one request ended, with what the judge measured of it from outside."""

    status: Status
    reply: Reply | None = None
    cpu_s: float = 0.0
    wall_s: float = 0.0
    #: Peak resident memory above the level at the request's start, in KiB.
    memory_kib: int = 0
    detail: str = ""

    @property
    def done(self) -> bool:
        """The child answered that it did what was asked."""
        return self.status is Status.REPLY and isinstance(self.reply, Done)
