"""The one user-facing error type and the exit codes."""

from __future__ import annotations

import difflib
from enum import IntEnum
from pathlib import Path


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
    """A challenge folder is broken: the file at fault, what is wrong with it, and the test if one.

    ``validate`` reads the fields; the message (``path (test 'x'): reason``) is for people.
    """

    def __init__(self, path: Path | str, reason: str, test: str | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.test = test
        where = f"{self.path} (test {test!r})" if test is not None else str(self.path)
        super().__init__(f"{where}: {reason}")

    @property
    def detail(self) -> str:
        """The reason, with the test named: what a report beside the file name shows."""
        return f"test {self.test!r}: {self.reason}" if self.test is not None else self.reason


def closest(name: str, choices: list[str]) -> str | None:
    """The choice closest to ``name`` (ignoring case and underscores), or None when none is close."""
    folded = {c.lower().replace("_", ""): c for c in choices}
    close = difflib.get_close_matches(name.lower().replace("_", ""), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def did_you_mean(name: str, choices: list[str]) -> str:
    """'; did you mean X?' for the closest choice (ignoring case), or nothing."""
    found = closest(name, choices)
    return f"; did you mean {found!r}?" if found else ""
