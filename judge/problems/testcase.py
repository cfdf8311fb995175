"""One test: a call of the solution's function and what it must give.

``CaseSpec`` is what a test file (or a generator) may write for one test, checked by the
schema layer; ``TestCase`` is the test as the judge uses it, its expected answer filled.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from msgspec import UNSET, Meta, Struct, UnsetType

from judge.model.config import IDENTIFIER
from judge.model.errors import ChallengeError
from judge.model.schema import SchemaError, convert
from judge.runner.harness import encode_call, to_json
from judge.runner.session import TIMED_FROM, Allowance, measure_decode


class CaseSpec(Struct, forbid_unknown_fields=True):
    args: Annotated[list[Any], Meta(extra_json_schema={"description": "a list of the function's arguments"})]
    name: Annotated[str, Meta(min_length=1, extra_json_schema={"description": "a non-empty string"})] | None = None
    kwargs: Annotated[dict[str, Any], Meta(extra_json_schema={"description": "an object of keyword arguments"})] = {}
    #: The expected return value; left out, the reference's answer is used.
    expected: Any | UnsetType = UNSET
    #: The exception class the call must raise, by name.
    raises: (
        Annotated[
            str,
            Meta(pattern=IDENTIFIER, extra_json_schema={"description": 'an exception class name such as "ValueError"'}),
        ]
        | None
    ) = None
    #: The input size n, for tests in a growth family.
    size: Annotated[int, Meta(ge=1, extra_json_schema={"description": "a positive integer"})] | None = None


@dataclass
class TestCase:
    """One call of the solution's function and what it must give."""

    __test__ = False  # not a pytest test class

    name: str
    hidden: bool
    args: list[Any]
    kwargs: dict[str, Any] = field(default_factory=dict)
    #: The expected return value (plain data); None with ``raises`` set.
    expected: Any = None
    #: The name of the exception class the call must raise (e.g. "ValueError").
    raises: str | None = None
    #: The input size n, for tests in a growth family.
    size: int | None = None
    #: Whether ``expected``/``raises`` came from the test file (else from the reference).
    stored: bool = False

    @cached_property
    def _encoded(self) -> tuple[str, float]:
        """The expected answer as the child writes answers, and the judge's CPU to write it."""
        start = time.thread_time()
        text = to_json(self.expected)
        return text, time.thread_time() - start

    @property
    def expected_json(self) -> str:
        """The expected answer as the child writes answers (plain() then JSON): equal text, equal answer."""
        return self._encoded[0]

    @cached_property
    def call_json(self) -> str:
        """The arguments as JSON text (its length is the input's size)."""
        return json.dumps({"args": self.args, "kwargs": self.kwargs})

    @cached_property
    def call_payload(self) -> bytes:
        """The arguments as sent to the child, encoded once however often the test runs."""
        return encode_call(self.args, self.kwargs)

    @cached_property
    def allowance(self) -> Allowance:
        """The harness's honest work on this test (decoding its input, handing back a right
        answer), timed in the judge once: what a solution is not charged for."""
        encode_s = self._encoded[1] if self.raises is None and len(self.expected_json) >= TIMED_FROM else 0.0
        return Allowance(decode_s=measure_decode(self.call_payload), encode_s=encode_s)


def parse_case(raw: Any, path: Path, hidden: bool, default_name: str, source: str | None = None) -> TestCase:
    """Check one test's JSON object and build it; errors name the file and the test."""
    test = raw.get("name") if isinstance(raw, dict) and isinstance(raw.get("name"), str) else None
    prefix = f"{source}: " if source else ""
    try:
        spec = convert(raw, CaseSpec)
    except SchemaError as exc:
        message = exc.message if isinstance(raw, dict) else f"each test must be a JSON object, not {type(raw).__name__}"
        raise ChallengeError(path, prefix + message, test=test) from None
    if not isinstance(spec.expected, UnsetType) and spec.raises is not None:
        raise ChallengeError(path, prefix + "give 'expected' or 'raises', not both", test=test)
    return TestCase(
        name=spec.name or default_name,
        hidden=hidden,
        args=spec.args,
        kwargs=spec.kwargs,
        expected=None if isinstance(spec.expected, UnsetType) else spec.expected,
        raises=spec.raises,
        size=spec.size,
        stored=not isinstance(spec.expected, UnsetType) or spec.raises is not None,
    )
