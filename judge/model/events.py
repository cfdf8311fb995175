"""What the engine tells a front end while it works: typed events, never printed text.

A front end (the terminal, a gradebook's progress bar, a web page) passes one callable,
``on_event``, and renders the events it cares about.
"""

from __future__ import annotations

from collections.abc import Callable

from msgspec import Struct

from judge.model.report import Isolation, TestResult


class TestInfo(Struct, frozen=True):
    __test__ = False  # not a pytest test class

    name: str
    hidden: bool


class Started(Struct, frozen=True):
    """The solution is about to be judged on these tests, in this order."""

    challenge: str
    solution: str
    tests: tuple[TestInfo, ...]
    isolation: Isolation


class Calibrating(Struct, frozen=True):
    """The challenge's budgets are being measured on this machine (first run only): slow."""

    challenge: str
    #: The accepted solution being timed, and its place among them.
    solution: str
    index: int
    total: int

    @property
    def text(self) -> str:
        return (
            f"calibrating {self.challenge} on this machine ({self.index}/{self.total}: {self.solution}); first run only"
        )


class TestFinished(Struct, frozen=True):
    """One test has its verdict (``index`` counts from 1)."""

    __test__ = False  # not a pytest test class

    result: TestResult
    index: int
    total: int


class Explaining(Struct, frozen=True):
    """After the tests, the engine explains a failure (a step that can take seconds)."""

    challenge: str
    #: "state": the first failing test rerun alone in a fresh child;
    #: "counterexample": small inputs searched for one the solution gets wrong.
    step: str
    #: The search's time limit (counterexample only).
    limit_s: float | None = None

    @property
    def text(self) -> str:
        if self.step == "counterexample":
            return f"searching small inputs for a counterexample (at most {self.limit_s:g} s)"
        return "rerunning the first failing test alone, in a fresh process"


class Checking(Struct, frozen=True):
    """``judge validate`` is at a slow step of checking a challenge."""

    challenge: str
    step: str

    @property
    def text(self) -> str:
        return f"{self.challenge}: {self.step}"


Event = Started | Calibrating | TestFinished | Explaining | Checking
EventFn = Callable[[Event], None]


def ignore(event: Event) -> None:
    """The default listener: nobody is watching."""
