"""What a format needs besides the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: Gradescope's names for when students see a test.
Visibility = Literal["hidden", "after_due_date", "after_published", "visible"]


@dataclass(frozen=True)
class Context:
    #: The function the challenge asks for (visible tests show the call they make).
    function: str
    #: Score weights of tests by name prefix (the challenge's ``[grading] weights``).
    weights: dict[str, float] = field(default_factory=dict)
    #: Gradescope: when students see the hidden tests' rows (never their inputs or answers).
    hidden_visibility: Visibility = "after_published"
