"""From what the judge observed of a test to its verdict: one pure function, no processes.

``verdict_for`` reads a ``TestRun`` (how the call ended, its measured time and memory,
the answer it handed back) and the test's expectations, and decides. Time and memory
verdicts come only from the judge's own measurements; the solution's words count only
as "here is the value", and an answer is read as hostile text (``judging.answers``).
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from judge.checkers import Checker
from judge.judging import answers
from judge.model.errors import closest
from judge.model.verdict import Verdict
from judge.problems.testcase import TestCase
from judge.runner.protocol import Answer, Done, Missing, Outcome, Raised, Refused, Status
from judge.runner.session import TestRun

#: Longest text of an answer or message a report keeps.
SHOW_LIMIT = 2000
#: Stands for "no answer to show" (None is an answer).
NO_ANSWER: Any = object()


class Decision(Struct, frozen=True):
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
    try:
        text = repr(value)
    except RecursionError:
        return "<nested too deeply to show>"
    return value if len(text) <= SHOW_LIMIT else text[:SHOW_LIMIT] + "..."


def _limit(outcome: Outcome) -> Verdict | None:
    if outcome.status is Status.TIME:
        return Verdict.TLE
    if outcome.status is Status.MEMORY:
        return Verdict.MLE
    return None


#: How a limit that stopped a test outside its call is described.
_STEP = {"input": "while its input was being handed over", "answer": "while handing back the answer"}


def verdict_for(case: TestCase, run: TestRun, budget_s: float, memory_bytes: int, checker: Checker) -> Decision:
    """The verdict of one test from what was observed of it.

    Time and memory come first and only from the judge's measurements of the whole
    test (its input, call and answer, every process and thread): TLE and MLE never
    depend on what the solution says, such as an exception it raises.
    """
    if run.setup_error is not None:
        return Decision(Verdict.RE, run.setup_error)
    if run.limit is not None:
        verdict = _limit(run.limit) or Verdict.RE
        step = _STEP.get(run.limit_step)
        return Decision(verdict, f"{step}: {run.limit.detail}" if step else run.limit.detail)
    if run.cpu_s > budget_s:  # answered between two of the watcher's samples, but too late
        return Decision(Verdict.TLE, f"took {run.cpu_s:.3f} s of CPU, over the {budget_s:.3f} s budget")
    if run.memory_kib * 1024 > memory_bytes or run.memory_hit:
        return Decision(
            Verdict.MLE,
            f"used {run.memory_kib // 1024} MiB, over the {memory_bytes // (1024 * 1024)} MiB budget"
            if not run.memory_hit
            else f"hit the memory limit (the {memory_bytes // (1024 * 1024)} MiB budget)",
        )
    call = run.call
    if call is None:
        return Decision(Verdict.RE, "the test did not run")
    if call.status is not Status.REPLY:
        return Decision(Verdict.RE, call.detail)
    reply = call.reply
    if isinstance(reply, Raised):
        if case.raises is not None and reply.is_a(case.raises):
            return Decision(Verdict.AC)
        return Decision(Verdict.RE, (reply.traceback or reply.type).rstrip(), raised=reply.type)
    if not isinstance(reply, Done) or run.answer is None:
        return Decision(Verdict.RE, "the process answered out of turn")
    return _judge_answer(case, run.answer, checker)


def _judge_answer(case: TestCase, fetch: Outcome, checker: Checker) -> Decision:
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
    got = answers.read(text)
    if isinstance(got, answers.Unreadable):
        return Decision(Verdict.WA, got.message)
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
