"""A gradebook: one row per submission, written as each judgment finishes.

The engine here is pure: it takes a challenge, the submissions, a backend that
judges them (a local pool or a Dask cluster, see judge.backends) and a
``Gradebook`` file, and it never prints. Nothing is lost: every row reaches the
disk (fsync, or an atomic replace) before the next one is waited for, a torn
last line left by a crash is dropped on reopening, and a submission whose
content and challenge version are already graded is not judged again.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from judge.model.errors import JudgeError
from judge.model.report import Report
from judge.model.schema import SchemaError, convert
from judge.model.verdict import Verdict

FORMATS = (".csv", ".jsonl")
#: The verdict column of a submission the judge itself failed on (see ``error``).
ERROR = "ERROR"


@dataclass(frozen=True)
class Submission:
    #: The path relative to the graded folder: the row's identity.
    name: str
    path: Path
    sha256: str
    data: bytes = field(repr=False)


def collect(folder: Path, pattern: str = "*.py") -> list[Submission]:
    """Every file of the folder matching the glob, sorted by name, with its content hash."""
    if not folder.is_dir():
        raise JudgeError(f"no such folder: {folder}; give the folder holding the submissions")
    found = []
    for path in sorted(p for p in folder.glob(pattern) if p.is_file()):
        data = path.read_bytes()
        found.append(Submission(path.relative_to(folder).as_posix(), path, hashlib.sha256(data).hexdigest(), data))
    if not found:
        raise JudgeError(f"no file in {folder} matches {pattern!r}; pass --glob to pick the submissions")
    return found


@dataclass
class Row:
    submission: str
    sha256: str
    challenge: str
    #: The challenge's version (``Challenge.digest``): new tests or answers mean a new grading.
    version: str
    verdict: str
    passed: int
    total: int
    #: The weighted fraction of hidden tests passed, 0..1.
    score: float
    time_ms: float
    memory_kib: int
    time_vs_reference: float | None = None
    #: Why the judge could not judge this submission (verdict is ERROR).
    error: str | None = None

    #: Fields that depend on the machine and its load, not on the submission.
    TIMING = ("time_ms", "memory_kib", "time_vs_reference")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Row:
        """Rebuild a row from JSON, or from CSV (where every value is a string, and empty is None)."""
        record = {key: None if value == "" else value for key, value in data.items() if key in COLUMNS}
        return convert(record, cls, strict=False)


COLUMNS = [f.name for f in fields(Row)]


def weight(name: str, weights: dict[str, float]) -> float:
    """A test's weight: that of the longest matching name prefix, else 1."""
    best = max((p for p in weights if name.startswith(p)), key=len, default=None)
    return 1.0 if best is None else weights[best]


def score(report: Report, weights: dict[str, float]) -> float:
    """The weighted fraction of hidden tests passed (of all tests, if a challenge has no hidden ones)."""
    tests = [t for t in report.tests if t.hidden] or report.tests
    total = sum(weight(t.name, weights) for t in tests)
    if total <= 0:
        return 0.0
    return round(sum(weight(t.name, weights) for t in tests if t.passed) / total, 6)


@dataclass
class Scorer:
    """What every row needs besides the report: the challenge's id, version, weights, reference times."""

    challenge: str
    version: str
    weights: dict[str, float] = field(default_factory=dict)
    #: Overall time / reference time of a report, when the reference was measured.
    ratio: Callable[[Report], float | None] | None = None

    def row(self, sub: Submission, outcome: Report | str) -> Row:
        if isinstance(outcome, str):
            return Row(sub.name, sub.sha256, self.challenge, self.version, ERROR, 0, 0, 0.0, 0.0, 0, None, outcome)
        return Row(
            submission=sub.name,
            sha256=sub.sha256,
            challenge=self.challenge,
            version=self.version,
            verdict=outcome.verdict.value,
            passed=outcome.passed,
            total=outcome.total,
            score=score(outcome, self.weights),
            time_ms=round(outcome.time_ms, 3),
            memory_kib=outcome.memory_kib,
            # Only an accepted run's time says how fast it is: a crash or a kill at the budget does not.
            time_vs_reference=self.ratio(outcome) if self.ratio and outcome.verdict is Verdict.AC else None,
        )


class Gradebook:
    """The gradebook file: CSV or JSON Lines by extension, crash-safe, one row per submission."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.format = path.suffix.lower()
        if self.format not in FORMATS:
            raise JudgeError(f"--out {path}: the gradebook must end in .csv or .jsonl")
        if path.is_dir():
            raise JudgeError(f"--out {path} is a folder; give a file name such as grades.csv")
        self.rows: dict[str, Row] = {}
        torn = self._load()
        if torn:
            self.save()  # drop the torn line now, before anything is appended after it

    def _load(self) -> bool:
        """Read the rows already graded; True when something unreadable (a torn write) was found."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return False
        except (OSError, UnicodeDecodeError) as exc:
            raise JudgeError(f"cannot read the gradebook {self.path}: {exc}") from None
        torn = False
        if self.format == ".jsonl":
            records: Iterable[Any] = []
            parsed = []
            for line in text.splitlines():
                try:
                    parsed.append(json.loads(line))
                except json.JSONDecodeError:
                    torn = True
            records = parsed
        else:
            records = list(csv.DictReader(io.StringIO(text)))
        for record in records:
            try:
                row = Row.from_dict(record)
            except SchemaError:
                torn = True
                continue
            self.rows[row.submission] = row
        return torn

    def graded(self, sub: Submission, version: str) -> bool:
        """Already judged, with the same content, on the same challenge version (judge errors are retried)."""
        row = self.rows.get(sub.name)
        return row is not None and row.sha256 == sub.sha256 and row.version == version and row.error is None

    def add(self, row: Row) -> None:
        """Record a row durably before returning."""
        self.rows[row.submission] = row
        if self.format == ".jsonl" and self.path.exists():
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
            writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(r.to_dict() for r in rows)
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(out.getvalue())
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            raise JudgeError(f"cannot write the gradebook {self.path}: {exc.strerror or exc}") from None


#: Judges submissions and yields (submission, report or error message) as each finishes.
Backend = Callable[[list[Submission]], Iterator[tuple[Submission, "Report | str"]]]


@dataclass
class Summary:
    judged: int = 0
    #: Already in the gradebook with the same content and challenge version.
    skipped: int = 0
    errors: int = 0
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
) -> Summary:
    """Judge every submission not graded yet, writing each row as soon as it is known.

    ``progress`` is called with each new row, and with None for each skipped submission.
    """
    summary = Summary()
    todo = []
    for sub in submissions:
        if book.graded(sub, grader.version):
            summary.skipped += 1
            if progress:
                progress(None)
        else:
            todo.append(sub)
    if todo:
        for sub, outcome in backend(todo):
            row = grader.row(sub, outcome)
            book.add(row)
            summary.judged += 1
            summary.errors += row.error is not None
            if progress:
                progress(row)
    book.save()  # sorted, one row per submission: the same file however the run went
    names = {s.name for s in submissions}
    summary.rows = [r for r in book.sorted_rows() if r.submission in names]
    return summary
