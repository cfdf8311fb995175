"""From what the judge observed of a test to its verdict: one pure function, no processes.

``verdict_for`` reads a ``TestRun`` (how the call ended, its measured time and memory,
the answer it handed back) and the test's expectations, and decides. Time and memory
verdicts come only from the judge's own measurements; the solution's words count only
as "here is the value".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from judge.checkers import Checker
from judge.model.errors import closest
from judge.model.verdict import Verdict
from judge.problems.testcase import TestCase
from judge.runner.harness import decode
from judge.runner.protocol import Answer, Done, Missing, Outcome, Raised, Refused, Status
from judge.runner.session import TestRun

#: Longest text of an answer or message a report keeps.
SHOW_LIMIT = 2000
#: Stands for "no answer to show" (None is an answer).
NO_ANSWER: Any = object()


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    #: Why, for a sample test's report (never shown for hidden tests).
    message: str = ""
    #: The solution's decoded answer; NO_ANSWER when there is none.
    got: Any = NO_ANSWER
    #: The name of the exception the call raised, when that decided the verdict.
    raised: str | None = None
    #: The call returned an answer that was judged: its time may be measured again.
    answered: bool = False


def clip(text: str | None) -> str | None:
    if text is None or len(text) <= SHOW_LIMIT:
        return text
    return text[:SHOW_LIMIT] + f"\n... ({len(text) - SHOW_LIMIT} more characters)"


def shown(value: Any) -> Any:
    """A value as a report holds it: itself, or its repr cut short when that is long."""
    text = repr(value)
    return value if len(text) <= SHOW_LIMIT else text[:SHOW_LIMIT] + "..."


def _limit(outcome: Outcome) -> Verdict | None:
    if outcome.status is Status.TIME:
        return Verdict.TLE
    if outcome.status is Status.MEMORY:
        return Verdict.MLE
    return None


def verdict_for(case: TestCase, run: TestRun, budget_s: float, memory_bytes: int, checker: Checker) -> Decision:
    """The verdict of one test from what was observed of it."""
    if run.setup_error is not None or run.call is None:
        return Decision(Verdict.RE, run.setup_error or "the test did not run")
    call = run.call
    limit = _limit(call)
    if limit:
        return Decision(limit, call.detail)
    if call.cpu_s > budget_s:  # answered between two of the watcher's samples, but too late
        return Decision(Verdict.TLE, f"took {call.cpu_s:.3f} s of CPU, over the {budget_s:.3f} s budget")
    if call.status is not Status.REPLY:
        return Decision(Verdict.RE, call.detail)
    if call.memory_kib * 1024 > memory_bytes:
        return Decision(
            Verdict.MLE, f"used {call.memory_kib // 1024} MiB, over the {memory_bytes // (1024 * 1024)} MiB budget"
        )
    reply = call.reply
    if isinstance(reply, Raised):
        if reply.type == "MemoryError" and reply.is_a("MemoryError"):
            return Decision(Verdict.MLE, "MemoryError: the solution ran out of its memory")
        if case.raises is not None and reply.is_a(case.raises):
            return Decision(Verdict.AC)
        return Decision(Verdict.RE, (reply.traceback or reply.type).rstrip(), raised=reply.type)
    if not isinstance(reply, Done) or run.answer is None:
        return Decision(Verdict.RE, "the process answered out of turn")
    return _judge_answer(case, run.answer, checker)


def _judge_answer(case: TestCase, fetch: Outcome, checker: Checker) -> Decision:
    limit = _limit(fetch)
    if limit:
        return Decision(limit, f"while handing back the answer: {fetch.detail}")
    if fetch.status is Status.PROTOCOL:
        return Decision(Verdict.WA, fetch.detail)
    if fetch.status is not Status.REPLY:
        return Decision(Verdict.RE, fetch.detail)
    if isinstance(fetch.reply, Refused):
        return Decision(Verdict.WA, fetch.reply.message)
    if not isinstance(fetch.reply, Answer):
        return Decision(Verdict.WA, "the answer could not be read")
    text = fetch.reply.json
    if case.hidden and case.raises is None and checker.text_match_passes and text == case.expected_json:
        return Decision(Verdict.AC, answered=True)  # the common case, with no decoding of a big answer
    try:
        got = decode(text)
    except ValueError:
        return Decision(Verdict.WA, "the answer could not be read")
    if case.raises is not None:
        return Decision(Verdict.WA, f"expected {case.raises} to be raised, but it returned {shown(got)!r}", got=got)
    result = checker.check(case.expected, got, args=case.args, kwargs=case.kwargs)
    return Decision(Verdict.AC if result.ok else Verdict.WA, result.message, got=got, answered=True)


def loaded(outcome: Outcome, function: str = "") -> Decision | None:
    """None when the solution loaded; else a CE saying why not (``function``: the name it must define)."""
    if outcome.done:
        return None
    return Decision(Verdict.CE, _load_error(outcome, function))


def _closest(missing: Missing, function: str) -> str:
    """'; it defines 'canShift': rename it ...' when a name it defines is close to the wanted one."""
    found = closest(function, list(missing.functions)) if function else None
    if found is None:
        return ""
    return f"; it defines {found!r}: rename it to {function!r}, the name the judge calls"


def _load_error(outcome: Outcome, function: str) -> str:
    reply = outcome.reply
    if outcome.status is Status.REPLY:
        if isinstance(reply, Missing):
            return reply.message + _closest(reply, function)
        if isinstance(reply, Raised):
            return (reply.traceback or f"{reply.type}: {reply.message}").rstrip()
        return "the process answered out of turn while loading"
    if outcome.status is Status.TIME:
        return f"loading the solution took too long ({outcome.detail})"
    if outcome.status is Status.MEMORY:
        return f"loading the solution used too much memory ({outcome.detail})"
    return f"the solution's process ended while loading: {outcome.detail}"
