"""Feedback per student: one file each, in a format courses use, holding only what a student may see.

The files go in a folder of their own. A folder that holds anything else, or the
feedback of another challenge, is not written into unless forced, so feedback never
replaces a file that is not feedback of this challenge.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from judge.formats import FORMATS, Context, render
from judge.grading.gradebook import Row, write_atomically
from judge.grading.submissions import Submission
from judge.model.errors import JudgeError
from judge.model.report import Report
from judge.model.verdict import Verdict

#: Marks a folder as judge's feedback of one challenge.
MARKER = ".judge-feedback.json"


class FeedbackFolder:
    def __init__(
        self,
        folder: Path,
        fmt: str,
        context: Context,
        challenge: str,
        submissions_folder: Path,
        *,
        force: bool = False,
    ) -> None:
        self.folder, self.fmt, self.context, self.challenge = folder, fmt, context, challenge
        inside = folder.resolve()
        if inside == submissions_folder.resolve() or submissions_folder.resolve() in inside.parents:
            raise JudgeError(
                f"--feedback {folder} is inside the submissions folder {submissions_folder}; "
                "give a folder outside it (feedback files there would be graded as submissions)"
            )
        if folder.exists() and not folder.is_dir():
            raise JudgeError(f"--feedback {folder} is a file; give a folder (one file per student goes there)")
        if not force:
            self._check_owner()
        write_atomically(folder / MARKER, json.dumps({"challenge": challenge}) + "\n", "the feedback folder's marker")

    def _check_owner(self) -> None:
        if not self.folder.is_dir() or not any(self.folder.iterdir()):
            return
        try:
            owner = json.loads((self.folder / MARKER).read_text(encoding="utf-8")).get("challenge")
        except (OSError, ValueError, AttributeError):
            raise JudgeError(
                f"--feedback {self.folder} holds other files; give a new or empty folder, "
                "or add --force to write into it (files named like the feedback are replaced)"
            ) from None
        if owner != self.challenge:
            raise JudgeError(
                f"--feedback {self.folder} holds the feedback of {owner!r}, not {self.challenge!r}; "
                "give another folder, or add --force to write into it"
            )

    def path(self, sub: Submission) -> Path:
        """``alice.py`` -> ``<folder>/alice.md`` (other names keep their suffix: ``alice.txt.md``)."""
        name = PurePosixPath(sub.name)
        stem = name.with_suffix("") if name.suffix == ".py" else name
        return self.folder / f"{stem}{FORMATS[self.fmt].suffix}"

    def exists(self, sub: Submission) -> bool:
        return self.path(sub).is_file()

    def write(self, sub: Submission, report: Report | None, row: Row) -> None:
        """Write one student's feedback (a refused submission's says why it was not judged)."""
        if report is None:
            report = Report(self.challenge, sub.name, Verdict.CE, [], compile_error=f"not judged: {row.error}")
        path = self.path(sub)
        write_atomically(path, render(self.fmt, report, self.context), "the feedback file")
