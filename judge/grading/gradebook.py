"""A gradebook: one row per submission, written as each judgment finishes.

The engine here is pure: it takes a challenge, the submissions, a backend that
judges them (a local pool or a Dask cluster, see judge.backends) and a
``Gradebook`` file, and it never prints. Nothing is lost: every row reaches the
disk (fsync, or an atomic replace) before the next one is waited for, a torn
last line left by a crash is dropped on reopening, a submission whose content
and challenge version are already graded is not judged again, and a file that
is not a gradebook of the same challenge is never written over (unless forced).
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Protocol

from judge import __version__
from judge.formats.text import first_failure, one_line
from judge.grading.submissions import Submission
from judge.model.errors import JudgeError
from judge.model.report import Isolation, Report
from judge.model.schema import SchemaError, convert
from judge.model.scoring import score
from judge.model.verdict import Verdict

FORMATS = (".csv", ".jsonl")
#: The verdict column of a submission the judge itself failed on (see ``error``).
ERROR = "ERROR"
#: The verdict column of a submission that was not judged at all: a link, not a regular file, too large.
REFUSED = "REFUSED"
#: The ``failed_test`` of a hidden test: its name is not shown to the student, so it is not written here.
HIDDEN = "(hidden)"


@dataclass
class Row:
    submission: str
    verdict: str
    #: The weighted fraction of hidden tests passed, 0..1.
    score: float
    passed: int
    total: int
    #: The first failing test: its name if it is a sample, else ``(hidden)``; empty when none failed.
    failed_test: str = ""
    #: One line saying why: the error of a CE, or the exception of an RE on a sample test.
    detail: str = ""
    time_ms: float = 0.0
    memory_kib: int = 0
    time_vs_reference: float | None = None
    #: The sandbox the submission ran in (``bubblewrap``, ``process``), and whether it was fully isolated.
    isolation: str = ""
    isolated: bool = False
    challenge: str = ""
    #: The challenge's version (``Challenge.digest``): new tests or answers mean a new grading.
    version: str = ""
    #: The judge's version that wrote the row.
    judge: str = ""
    sha256: str = ""
    #: Why the judge did not judge this submission (verdict ERROR or REFUSED).
    error: str | None = None

    #: Fields that depend on the machine and its load, not on the submission.
    TIMING = ("time_ms", "memory_kib", "time_vs_reference")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Row:
        """Rebuild a row from JSON, or from CSV (where every value is a string, and empty is None)."""
        record = {key: None if value == "" else value for key, value in data.items() if key in COLUMNS}
        for key in ("failed_test", "detail", "isolation", "challenge", "version", "judge", "sha256"):
            if record.get(key) is None:
                record.pop(key, None)
        return convert(record, cls, strict=False)


COLUMNS = [f.name for f in fields(Row)]
#: The columns that make a file a gradebook (every version of the judge wrote them).
IDENTITY = {"submission", "sha256", "challenge", "version", "verdict", "score"}
#: A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    """A CSV cell no spreadsheet will run: a leading ' before a formula character (and before a ',
    so that reading it back is exact)."""
    if isinstance(value, str) and value.startswith((*FORMULA_START, "'")):
        return "'" + value
    return value


def restored(value: str) -> str:
    """The cell as it was before ``neutralised``."""
    return value[1:] if value.startswith("'") else value


@dataclass
class Scorer:
    """What every row needs besides the report: the challenge's id, version, weights, reference times."""

    challenge: str
    version: str
    weights: dict[str, float] = field(default_factory=dict)
    #: Overall time / reference time of a report, when the reference was measured.
    ratio: Callable[[Report], float | None] | None = None
    #: The sandbox in use, for rows without a report (the judge failed on them).
    isolation: Isolation | None = None

    def _base(self, sub: Submission) -> dict[str, Any]:
        return {"submission": sub.name, "sha256": sub.sha256, "challenge": self.challenge, "version": self.version}

    def row(self, sub: Submission, outcome: Report | str) -> Row:
        if isinstance(outcome, str):
            iso = self.isolation
            return Row(
                **self._base(sub),
                verdict=ERROR,
                score=0.0,
                passed=0,
                total=0,
                isolation=iso.level if iso else "unknown",
                isolated=bool(iso and iso.isolated),
                judge=__version__,
                error=outcome,
            )
        failed = first_failure(outcome.tests)
        detail = ""
        if outcome.compile_error:
            detail = one_line(outcome.compile_error)
        elif failed is not None and failed.message:
            detail = one_line(failed.message)
        iso = outcome.isolation
        return Row(
            **self._base(sub),
            verdict=outcome.verdict.value,
            score=score(outcome, self.weights),
            passed=outcome.passed,
            total=outcome.total,
            failed_test="" if failed is None or outcome.compile_error else (HIDDEN if failed.hidden else failed.name),
            detail=detail,
            time_ms=round(outcome.time_ms, 3),
            memory_kib=outcome.memory_kib,
            # Only an accepted run's time says how fast it is: a crash or a kill at the budget does not.
            time_vs_reference=self.ratio(outcome) if self.ratio and outcome.verdict is Verdict.AC else None,
            isolation=iso.level if iso else "unknown",
            isolated=bool(iso and iso.isolated),
            judge=__version__,
        )

    def refused(self, sub: Submission) -> Row:
        """The row of a submission that is not judged: it says why, and it never ran."""
        return Row(
            **self._base(sub),
            verdict=REFUSED,
            score=0.0,
            passed=0,
            total=0,
            isolation="not run",
            judge=__version__,
            error=sub.refused,
        )


class Gradebook:
    """The gradebook file: CSV or JSON Lines by extension, crash-safe, one row per submission.

    An existing file is opened only if it is a gradebook of the same challenge; anything
    else is a one-line error naming ``--force`` (which starts afresh and replaces it).
    """

    def __init__(self, path: Path, challenge: str, *, force: bool = False) -> None:
        self.path = path
        self.challenge = challenge
        self.format = path.suffix.lower()
        if self.format not in FORMATS:
            raise JudgeError(f"--out {path}: the gradebook must end in .csv or .jsonl")
        if path.is_dir():
            raise JudgeError(f"--out {path} is a folder; give a file name such as grades.csv")
        self.rows: dict[str, Row] = {}
        #: The file on disk is not (yet) ours to append to: the next write replaces it whole.
        self._replace = force
        self._lock: int | None = None
        if not force and self._load():
            self.save()  # drop the torn line now, before anything is appended after it

    def _refuse(self, why: str) -> JudgeError:
        return JudgeError(
            f"--out {self.path} exists and {why}; give another --out, or add --force to replace it (its rows are lost)"
        )

    def _load(self) -> bool:
        """Read the rows already graded; True when a torn last line (a crash mid-write) was found."""
        try:
            with open(self.path, encoding="utf-8", newline="") as f:  # a \r inside a CSV cell stays a \r
                text = f.read()
        except FileNotFoundError:
            return False
        except UnicodeDecodeError:
            raise self._refuse("is not a gradebook (it is not UTF-8 text)") from None
        except OSError as exc:
            raise JudgeError(f"cannot read the gradebook {self.path}: {exc.strerror or exc}") from None
        if not text.strip():
            return False  # an empty file: nothing in it to keep
        rows, torn = self._parse_jsonl(text) if self.format == ".jsonl" else (self._parse_csv(text), False)
        others = sorted({row.challenge for row in rows} - {self.challenge})
        if others:
            raise self._refuse(f"is the gradebook of {others[0]!r}, not {self.challenge!r}")
        self.rows = {row.submission: row for row in rows}
        return torn

    def _parse_jsonl(self, text: str) -> tuple[list[Row], bool]:
        lines = text.split("\n")
        # A line without its newline is the one a crash can tear; every other line must be a row.
        complete, last = lines[:-1], lines[-1]
        rows = []
        for number, line in enumerate(complete, 1):
            if line.strip():
                try:
                    rows.append(self._row(json.loads(line)))
                except (json.JSONDecodeError, SchemaError) as exc:
                    raise self._refuse(f"is not a gradebook (line {number}: {_reason(exc)})") from None
        torn = False
        if last.strip():
            try:
                rows.append(self._row(json.loads(last)))
            except (json.JSONDecodeError, SchemaError):
                torn = True
        return rows, torn

    def _parse_csv(self, text: str) -> list[Row]:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = IDENTITY - set(reader.fieldnames or [])
        if missing:
            raise self._refuse(f"is not a gradebook (no {', '.join(sorted(missing))} column)")
        rows = []
        for record in reader:
            try:
                rows.append(self._row({k: restored(v) for k, v in record.items() if isinstance(k, str) and v}))
            except SchemaError as exc:
                raise self._refuse(f"is not a gradebook (line {reader.line_num}: {_reason(exc)})") from None
        return rows

    @staticmethod
    def _row(record: Any) -> Row:
        if not isinstance(record, dict) or not IDENTITY <= set(record):
            raise SchemaError((), "not a gradebook row")
        return Row.from_dict(record)

    @property
    def lock_path(self) -> Path:
        return self.path.parent / f".{self.path.name}.lock"

    def lock(self) -> None:
        """Hold the gradebook for this process: a second ``judge grade`` on it would lose rows."""
        name = self.lock_path
        while True:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError as exc:
                raise JudgeError(f"cannot write the gradebook {self.path}: {exc.strerror or exc}") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise JudgeError(
                    f"another 'judge grade' is writing {self.path}; wait for it to finish, or give another --out"
                ) from None
            try:
                same = os.stat(name).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:  # not a lock file its last holder removed while we waited for it
                self._lock = fd
                return
            os.close(fd)

    def unlock(self) -> None:
        if self._lock is not None:
            os.unlink(self.lock_path)
            os.close(self._lock)
            self._lock = None

    def graded(self, sub: Submission, version: str, *, isolated: bool = False) -> bool:
        """Already judged, with the same content, on the same challenge version (judge errors are retried).

        With ``isolated``, a row judged without full isolation does not count: it is judged again.
        """
        row = self.rows.get(sub.name)
        return (
            row is not None
            and row.sha256 == sub.sha256
            and row.version == version
            and row.error is None
            and (row.isolated or not isolated)
        )

    def add(self, row: Row) -> None:
        """Record a row durably before returning."""
        self.rows[row.submission] = row
        if self.format == ".jsonl" and not self._replace and self.path.exists():
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(json.dumps(row.to_dict()) + "\n")
                f.flush()
                os.fsync(f.fileno())
        else:
            self.save()

    def sorted_rows(self) -> list[Row]:
        return [self.rows[name] for name in sorted(self.rows)]

    def save(self) -> None:
        """Rewrite the whole file atomically (temporary file, fsync, rename): old or new, never half."""
        out = io.StringIO()
        rows = self.sorted_rows()
        if self.format == ".jsonl":
            out.writelines(json.dumps(r.to_dict()) + "\n" for r in rows)
        else:
            # RFC 4180's CRLF: the csv module then quotes any cell holding a \r or a \n (with "\n" alone,
            # a bare \r would be written unquoted, and read back as the end of the row).
            writer = csv.DictWriter(out, COLUMNS, lineterminator="\r\n")
            writer.writeheader()
            writer.writerows({k: neutralised(v) for k, v in r.to_dict().items()} for r in rows)
        write_atomically(self.path, out.getvalue(), "the gradebook")
        self._replace = False


def write_atomically(path: Path, text: str, what: str) -> None:
    """Replace ``path`` with ``text`` through a temporary file, fsync and rename: old or new, never half."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        try:
            os.fchmod(fd, _mode(path))
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        raise JudgeError(f"cannot write {what} {path}: {exc.strerror or exc}") from None


def _mode(path: Path) -> int:
    """The replaced file's permissions, or a new file's (as open() would make it), not mkstemp's 0600."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _reason(exc: Exception) -> str:
    if isinstance(exc, SchemaError):
        return exc.message
    return "not JSON"


#: Judges submissions and yields (submission, report or error message) as each finishes.
Backend = Callable[[list[Submission]], Iterator[tuple[Submission, "Report | str"]]]


class Feedback(Protocol):
    """Where each student's feedback goes (see judge.grading.feedback)."""

    def exists(self, sub: Submission) -> bool: ...

    def write(self, sub: Submission, report: Report | None, row: Row) -> None: ...


@dataclass
class Summary:
    judged: int = 0
    #: Already in the gradebook with the same content and challenge version.
    skipped: int = 0
    errors: int = 0
    #: Not judged: links, files that are not regular, files over the size cap.
    refused: int = 0
    rows: list[Row] = field(default_factory=list)

    @property
    def verdicts(self) -> Counter[str]:
        return Counter(r.verdict for r in self.rows)

    def histogram(self, bins: int = 10) -> list[int]:
        """Scores in ``bins`` equal bins over [0, 1), plus a last bin for full marks."""
        counts = [0] * (bins + 1)
        for r in self.rows:
            counts[min(int(r.score * bins), bins)] += 1
        return counts


def grade(
    submissions: list[Submission],
    grader: Scorer,
    backend: Backend,
    book: Gradebook,
    progress: Callable[[Row | None], None] | None = None,
    *,
    feedback: Feedback | None = None,
    isolated: bool = False,
) -> Summary:
    """Judge every submission not graded yet, writing each row as soon as it is known.

    ``progress`` is called with each new row, and with None for each skipped submission.
    With ``feedback``, each judged (or refused) submission's feedback is written after its
    row, and a submission without its feedback file is judged again. With ``isolated``, rows
    judged without full isolation are judged again.
    """
    summary = Summary()
    todo = []
    for sub in submissions:
        if sub.refused is not None:
            row = grader.refused(sub)
            book.add(row)
            summary.refused += 1
            if feedback is not None:
                feedback.write(sub, None, row)
            if progress:
                progress(row)
        elif book.graded(sub, grader.version, isolated=isolated) and (feedback is None or feedback.exists(sub)):
            summary.skipped += 1
            if progress:
                progress(None)
        else:
            todo.append(sub)
    if todo:
        for sub, outcome in backend(todo):
            row = grader.row(sub, outcome)
            book.add(row)
            if feedback is not None and isinstance(outcome, Report):
                feedback.write(sub, outcome, row)
            summary.judged += 1
            summary.errors += row.error is not None
            if progress:
                progress(row)
    book.save()  # sorted, one row per submission: the same file however the run went
    names = {s.name for s in submissions}
    summary.rows = [r for r in book.sorted_rows() if r.submission in names]
    return summary
