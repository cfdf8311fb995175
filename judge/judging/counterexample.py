"""A counterexample for a failing hidden test: a small input, shown in full, on which the
solution disagrees with the reference.

The challenge's ``strategy.py`` draws small valid inputs (a Hypothesis strategy). Each is
run through the same pipeline as a test: the reference's answer computed in the judge's
process, the solution's in the sandbox under the samples' budget, the verdict decided by
``verdict_for`` with the challenge's checker. Hypothesis's shrinking then minimises the
first failing input. The search never reads a hidden test: what it shows, it found on its
own, so it tells nothing about the hidden tests that the learner could not find either.

The search stops at its time limit. Before a failure is found that ends it empty-handed;
while shrinking, it keeps the smallest failing input so far. The input it settles on is
run once more in a fresh child, so the counterexample holds for a single call, not only
after the calls the search made before it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from judge.judging.run import LoadError, load_solution, read_source, run_test
from judge.judging.verdicts import verdict_for
from judge.model.errors import ChallengeError
from judge.model.report import Counterexample, Note, NoteKind, TestResult
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.calls import Reference, drawn_call, load_strategy
from judge.problems.challenge import Challenge
from judge.problems.testcase import TestCase
from judge.runner.session import Session

#: The verdicts a drawn input counts as a disagreement with the reference. A TLE on one
#: small input is left out: on a busy machine it could be noise, and a counterexample
#: must reproduce.
DISAGREES = (Verdict.WA, Verdict.RE)
#: Seconds a search may take unless told otherwise (judge run, the page's Submit).
DEFAULT_SEARCH_S = 3.0
#: At most this many inputs are drawn before shrinking (the time limit usually ends it first).
MAX_EXAMPLES = 5000

#: Makes a session for a fresh child (the engine's, with its sandbox and spares).
SessionFactory = Callable[[], Session]


class _OutOfTime(BaseException):
    """Ends the search from inside Hypothesis (a BaseException, so Hypothesis does not catch it)."""


@dataclass
class Search:
    """One counterexample search: its limit and what it has seen so far."""

    challenge: Challenge
    source: Source
    #: The CPU budget of each call (the sample tests' budget: the inputs are as small as theirs).
    budget_s: float
    limit_s: float
    tried: int = 0
    #: Failing inputs in the order found; while shrinking, each is smaller than the one before.
    failing: list[TestCase] = field(default_factory=list)

    def run(self, new_session: SessionFactory) -> tuple[Counterexample | None, Note | None]:
        """Search, then confirm in a fresh child: (the counterexample, or None with a note saying why)."""
        start = time.monotonic()
        try:
            strategy = load_strategy(self.challenge)
            if strategy is None:
                return None, Note(NoteKind.SEARCH, "no counterexample search: this challenge has no strategy.py")
            reference = Reference(self.challenge)
            self._search(strategy, reference, new_session(), start)
        except ChallengeError as exc:
            return None, Note(NoteKind.SEARCH, f"the counterexample search could not run: {exc}")
        seconds = time.monotonic() - start
        if not self.failing:
            why = "in the time allowed" if seconds >= self.limit_s else "that the strategy draws"
            note = f"no counterexample among {self.tried} small inputs {why} ({seconds:.1f} s)"
            return None, Note(NoteKind.SEARCH, note)
        return self._confirm(self.failing[-1], new_session(), seconds)

    def _search(self, strategy: object, reference: Reference, session: Session, start: float) -> None:
        # Deferred: Hypothesis takes a tenth of a second to import, and most runs never search.
        from hypothesis import HealthCheck, Phase, Verbosity, find, settings
        from hypothesis.errors import HypothesisException

        checker = self.challenge.checker
        path = self.challenge.strategy_path
        deadline = start + self.limit_s

        def disagrees(drawn: object) -> bool:
            if time.monotonic() > deadline:
                raise _OutOfTime
            case = reference.case("counterexample", drawn_call(drawn, path))
            self.tried += 1
            run = session.run(case.call_json, self.budget_s)
            decision = verdict_for(case, run, self.budget_s, session.memory_bytes, checker)
            if decision.verdict in DISAGREES:
                self.failing.append(case)
                return True
            return False

        options = settings(
            database=None,  # nothing written to the learner's folder
            deadline=None,
            derandomize=True,  # the same counterexample every run, for the same solution
            max_examples=MAX_EXAMPLES,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            verbosity=Verbosity.quiet,
            print_blob=False,
        )
        try:
            if not self._loaded(session):
                return
            find(strategy, disagrees, settings=options)  # type: ignore[arg-type]
        except (_OutOfTime, HypothesisException):
            pass  # out of time, nothing found, or flaky: the smallest failure so far stands
        finally:
            session.close()

    def _loaded(self, session: Session) -> bool:
        try:
            text = read_source(self.source.data)
        except LoadError:
            return False
        return load_solution(session, self.source, text, {"counterexample": self.budget_s}) is None

    def _confirm(self, case: TestCase, session: Session, seconds: float) -> tuple[Counterexample | None, Note | None]:
        try:
            if not self._loaded(session):
                return None, None
            result = run_test(session, case, self.budget_s, self.challenge)
        finally:
            session.close()
        if result.verdict not in DISAGREES:
            note = (
                f"the search found inputs your function gets wrong only after other calls "
                f"(alone, {_call_text(case)} passes): it keeps state between calls"
            )
            return None, Note(NoteKind.SEARCH, note)
        example = Counterexample(
            input={"args": case.args, "kwargs": case.kwargs},
            expected=result.expected,
            got=result.got,
            verdict=result.verdict,
            message=result.message,
            stdout=result.stdout,
            stderr=result.stderr,
            tried=self.tried,
            seconds=seconds,
        )
        return example, None


def _call_text(case: TestCase) -> str:
    parts = [repr(a) for a in case.args] + [f"{k}={v!r}" for k, v in case.kwargs.items()]
    return f"({', '.join(parts)})"


def wanted(tests: list[TestResult]) -> bool:
    """Whether a search is worth running: a hidden test got WA or RE, and every visible test passed
    (a failing visible test already shows an input in full)."""
    visible_failed = any(not t.hidden and t.verdict not in (Verdict.AC, Verdict.SKIPPED) for t in tests)
    return not visible_failed and any(t.hidden and t.verdict in DISAGREES for t in tests)
