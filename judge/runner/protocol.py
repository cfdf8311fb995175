"""What crosses between the judge and its child: budgets, how a request ended, typed replies.

The harness (``judge.runner.harness``) answers each request with one JSON object. The
judge turns it into one of the reply types below in one place, ``parse_reply``, and
nothing else reads the child's JSON. A reply that fits none of them is a protocol error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


@dataclass(frozen=True)
class Budget:
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


@dataclass(frozen=True)
class Done:
    """The request did what it asked (loaded the solution, decoded the input, ran the call)."""

    stdout: str = ""
    stderr: str = ""
    #: On a load: the allowed modules the child could not import, with why (``"numpy: ImportError: ..."``).
    unavailable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Raised:
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


@dataclass(frozen=True)
class Missing:
    """The solution loaded but does not define the function."""

    message: str
    stdout: str = ""
    stderr: str = ""
    #: The public callables it does define (for a did-you-mean).
    functions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """The call's return value, as JSON text in the harness's encoding."""

    json: str
    #: The arguments the call changed in place (positions, keyword names), when asked to check.
    mutated: tuple[int | str, ...] = ()


@dataclass(frozen=True)
class Refused:
    """The call's return value cannot be judged (not plain data); the message says why."""

    message: str


Reply = Done | Raised | Missing | Answer | Refused


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


def parse_reply(raw: bytes) -> Reply:
    """The typed reply in one frame's bytes; ValueError when it is not one."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("a reply is a JSON object")
    status = data.get("status")
    prints = {"stdout": _str(data, "stdout"), "stderr": _str(data, "stderr")}
    if status == "ok" and "json" in data:
        return Answer(_str(data, "json"), _list(data, "mutated", (int, str)))
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


@dataclass
class Outcome:
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
