"""A challenge's configuration, as typed records: what ``challenge.toml`` may hold.

The records are strict msgspec Structs: an unknown key is an error (with a did-you-mean),
not something silently ignored. Reading the file is ``judge.problems.config``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta, Struct, field

DIFFICULTIES = ("easy", "medium", "hard")
IDENTIFIER = r"^[A-Za-z_][A-Za-z0-9_]*$"
#: A module's dotted name, as ``import`` takes it.
MODULE = r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"


class Limits(Struct, frozen=True, forbid_unknown_fields=True):
    #: Per-test CPU budget = time_multiplier × the slowest accepted solution on that test.
    time_multiplier: Annotated[float, Meta(ge=1)] = 3.0
    #: No per-test budget is ever below this.
    time_floor_ms: float = 100.0
    #: A fixed per-test budget instead of calibration (for challenges without accepted solutions).
    time_ms: float | None = None
    #: What the solution may allocate during one test, above what it held before the call.
    memory_mib: float = 256.0


class Check(Struct, frozen=True, forbid_unknown_fields=True):
    #: Floats compare with math.isclose(rel_tol, abs_tol); everything else compares exactly.
    rel_tol: float = 0.0
    abs_tol: float = 0.0
    #: The answer is a sequence whose order does not matter.
    unordered: bool = False


class Grading(Struct, frozen=True, forbid_unknown_fields=True):
    #: Score weights of hidden tests by test-name prefix (longest prefix wins; others weigh 1).
    #: ``judge grade`` scores a submission as the weighted fraction of hidden tests passed.
    weights: dict[str, Annotated[float, Meta(ge=0)]] = field(default_factory=dict)


#: A tag is a lowercase word (hyphens allowed), so ``judge list --tag`` matches it exactly.
TAG = r"^[a-z0-9][a-z0-9-]*$"


class Config(Struct, frozen=True, forbid_unknown_fields=True):
    title: str
    function: Annotated[str, Meta(pattern=IDENTIFIER, extra_json_schema={"description": "a Python identifier"})]
    signature: str
    difficulty: Annotated[
        Literal["easy", "medium", "hard"], Meta(extra_json_schema={"description": "one of easy, medium, hard"})
    ] = "medium"
    #: Topics (``metrics``, ``drift``, ...): shown by ``judge list`` and filtered with ``judge list --tag``.
    tags: list[
        Annotated[str, Meta(pattern=TAG, extra_json_schema={"description": 'a lowercase word such as "metrics"'})]
    ] = field(default_factory=list)
    #: The file under solutions/<id>/accepted/ whose answers are the expected outputs.
    reference: str = "reference.py"
    #: The seed handed to generator.py.
    seed: int = 0
    #: The modules the statement allows (``["numpy"]``). The child imports them before it
    #: loads the solution, so an ``import`` inside the solution costs a dictionary lookup
    #: and import time is never charged to a test.
    allowed_modules: list[
        Annotated[str, Meta(pattern=MODULE, extra_json_schema={"description": "a module name such as numpy"})]
    ] = field(default_factory=list)
    limits: Limits = field(default_factory=Limits)
    check: Check = field(default_factory=Check)
    grading: Grading = field(default_factory=Grading)
