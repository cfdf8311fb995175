"""Verdicts, per test and overall."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    AC = "AC"  #: accepted
    WA = "WA"  #: wrong answer
    TLE = "TLE"  #: time limit exceeded (from the judge's own clock only)
    MLE = "MLE"  #: memory limit exceeded (from the judge's own measurement only)
    RE = "RE"  #: runtime error: an exception, a crash or an exit during a test
    CE = "CE"  #: the solution could not be loaded
    SKIPPED = "SKIPPED"  #: not run (after --fail-fast stopped, or the solution did not load)

    @property
    def long_name(self) -> str:
        return _LONG[self]

    def __str__(self) -> str:
        return self.value


_LONG = {
    Verdict.AC: "Accepted",
    Verdict.WA: "Wrong answer",
    Verdict.TLE: "Time limit exceeded",
    Verdict.MLE: "Memory limit exceeded",
    Verdict.RE: "Runtime error",
    Verdict.CE: "Compile error",
    Verdict.SKIPPED: "Skipped",
}

#: The folder under solutions/<id>/ that holds files which must get each verdict.
FOLDERS = {
    "accepted": Verdict.AC,
    "wrong_answer": Verdict.WA,
    "time_limit_exceeded": Verdict.TLE,
    "memory_limit_exceeded": Verdict.MLE,
    "runtime_error": Verdict.RE,
    "compile_error": Verdict.CE,
}
