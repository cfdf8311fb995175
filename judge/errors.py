"""The one user-facing error type and the exit codes."""

from __future__ import annotations

import difflib
from enum import IntEnum


class ExitCode(IntEnum):
    #: The verdict is AC (or, for validate, every check passed).
    OK = 0
    #: The solution was judged and did not get AC (or a check failed).
    FAILED = 1
    #: The user's mistake: unknown challenge, missing file, bad option, broken problem folder.
    USAGE = 2
    #: A bug in the judge itself.
    INTERNAL = 3


class JudgeError(Exception):
    """A mistake the user can fix. The CLI prints it as one line and exits with 2."""

    exit_code = ExitCode.USAGE


class ChallengeError(JudgeError):
    """A challenge folder is broken: names the file and what is wrong with it."""


def did_you_mean(name: str, choices: list[str]) -> str:
    """'; did you mean X?' for the closest choice (ignoring case), or nothing."""
    lowered = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean {lowered[close[0]]!r}?" if close else ""
