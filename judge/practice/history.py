"""The history of attempts: one SQLite database, one row per ``judge test`` or ``judge run``.

It lives in ``$JUDGE_HOME`` when that is set, else in the user's data folder
(platformdirs). ``JUDGE_NO_HISTORY=1`` stops recording. The history is a convenience:
a damaged, locked or unwritable database gives one warning and never fails a judgment.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from judge.model.report import Report

HOME_ENV = "JUDGE_HOME"
OFF_ENV = "JUDGE_NO_HISTORY"
FILE = "history.sqlite3"
#: How long to wait for another judge that holds the database before giving up (seconds).
LOCK_WAIT_S = 1.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,           -- Unix time
    challenge TEXT NOT NULL,
    scope TEXT NOT NULL,        -- all | samples | custom
    file TEXT NOT NULL,         -- the path as given
    sha256 TEXT NOT NULL,       -- of the file's bytes
    verdict TEXT NOT NULL,
    passed INTEGER NOT NULL,
    total INTEGER NOT NULL,
    time_ms REAL NOT NULL,
    memory_kib INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_challenge ON attempts (challenge, at);
-- Each version of a solution once, so an attempt can be reopened (the practice page does).
CREATE TABLE IF NOT EXISTS sources (
    sha256 TEXT PRIMARY KEY,
    text TEXT NOT NULL
);
"""
#: Sources larger than this are not kept (their attempts are still recorded).
MAX_KEPT_BYTES = 256 * 1024
#: PRAGMA user_version once SCHEMA is in place: later writers skip it.
SCHEMA_VERSION = 1


class HistoryError(Exception):
    """The history could not be read or written: the message says why, for one warning line."""


@dataclass(frozen=True)
class Attempt:
    at: float
    challenge: str
    scope: str
    file: str
    sha256: str
    verdict: str
    passed: int
    total: int
    time_ms: float
    memory_kib: int

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.at))
        data["time_ms"] = round(self.time_ms, 3)
        return data


@dataclass(frozen=True)
class Progress:
    """A challenge's standing: solved once any attempt on all the tests got AC."""

    solved: bool
    attempts: int


def home() -> Path:
    """``$JUDGE_HOME``, else the user's data folder for the judge."""
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV]).expanduser()
    from platformdirs import user_data_path  # deferred: only when the history is used

    return user_data_path("judge", appauthor=False)


def path() -> Path:
    return home() / FILE


def recording() -> bool:
    return os.environ.get(OFF_ENV, "") in ("", "0")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@contextmanager
def _connect(create: bool) -> Iterator[sqlite3.Connection | None]:
    """The database, or None when there is none yet and ``create`` is off; HistoryError on any failure."""
    where = path()
    if not create and not where.is_file():
        yield None
        return
    try:
        if create:
            where.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(where, timeout=LOCK_WAIT_S)
    except (OSError, sqlite3.Error) as exc:
        raise HistoryError(f"cannot open {where}: {exc}") from None
    try:
        if create:
            _prepare(db)
        with db:
            yield db
    except sqlite3.Error as exc:
        raise HistoryError(f"{where}: {exc}") from None
    finally:
        db.close()


def _prepare(db: sqlite3.Connection) -> None:
    """The schema, once per database; a write-ahead log, so adding an attempt costs no fsync.

    With WAL and synchronous=NORMAL a commit is appended to the log and synced only at
    checkpoints: a power cut may lose the last attempts, never the database. (The
    default rollback journal syncs two files on every commit: ~20 ms on some disks, on
    every run.)
    """
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        db.execute("PRAGMA journal_mode=WAL")  # where the filesystem allows it; else the journal stays
        with db:
            db.executescript(SCHEMA)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute("PRAGMA synchronous=NORMAL")


def record(report: Report, data: bytes, file: str) -> None:
    """Add one attempt (unless recording is off). Raises HistoryError; callers warn and go on."""
    if not recording():
        return
    row = (
        time.time(),
        report.challenge,
        report.scope,
        file,
        digest(data),
        report.verdict.value,
        report.passed,
        report.total,
        report.time_ms,
        report.memory_kib,
    )
    with _connect(create=True) as db:
        assert db is not None
        db.execute(
            "INSERT INTO attempts (at, challenge, scope, file, sha256, verdict, passed, total, time_ms, memory_kib)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        text = _text(data)
        if text is not None:
            db.execute("INSERT OR IGNORE INTO sources (sha256, text) VALUES (?, ?)", (row[4], text))


def _text(data: bytes) -> str | None:
    """The source as text worth keeping: UTF-8 and not too large."""
    if len(data) > MAX_KEPT_BYTES:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def source(sha256: str) -> str | None:
    """The solution an attempt judged, by its hash, when it was kept."""
    with _connect(create=False) as db:
        if db is None:
            return None
        try:
            row = db.execute("SELECT text FROM sources WHERE sha256 = ?", (sha256,)).fetchone()
        except sqlite3.OperationalError as exc:  # a database from before sources were kept
            raise HistoryError(f"{path()}: {exc}") from None
    return row[0] if row else None


def kept(hashes: list[str]) -> set[str]:
    """Which of these hashes have their source kept."""
    if not hashes:
        return set()
    marks = ",".join("?" * len(hashes))
    with _connect(create=False) as db:
        if db is None:
            return set()
        try:
            rows = db.execute(f"SELECT sha256 FROM sources WHERE sha256 IN ({marks})", hashes).fetchall()
        except sqlite3.OperationalError:
            return set()
    return {row[0] for row in rows}


def attempts(challenge: str | None = None, limit: int | None = None) -> list[Attempt]:
    """Past attempts, newest first (of one challenge, or of all)."""
    query = "SELECT at, challenge, scope, file, sha256, verdict, passed, total, time_ms, memory_kib FROM attempts"
    params: list[Any] = []
    if challenge is not None:
        query += " WHERE challenge = ?"
        params.append(challenge)
    query += " ORDER BY at DESC, id DESC"
    if limit is not None:
        query += " LIMIT ?"
        params.append(limit)
    with _connect(create=False) as db:
        if db is None:
            return []
        try:
            rows = db.execute(query, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise HistoryError(f"{path()}: {exc}") from None
    return [Attempt(*row) for row in rows]


def progress() -> dict[str, Progress]:
    """Per challenge id: solved (an AC on all the tests) and the number of attempts."""
    query = "SELECT challenge, MAX(verdict = 'AC' AND scope = 'all'), COUNT(*) FROM attempts GROUP BY challenge"
    with _connect(create=False) as db:
        if db is None:
            return {}
        rows = db.execute(query).fetchall()
    return {cid: Progress(bool(solved), count) for cid, solved, count in rows}


def add_progress(rows: list[dict[str, Any]]) -> HistoryError | None:
    """Each ``judge list`` row gains ``solved`` (an AC on every test, ever) and ``attempts``.

    A history that cannot be read gives every row none, and is returned for one warning.
    """
    problem = None
    try:
        known = progress()
    except HistoryError as exc:
        known, problem = {}, exc
    for row in rows:
        mine = known.get(str(row["id"]))
        row["solved"] = bool(mine and mine.solved)
        row["attempts"] = mine.attempts if mine else 0
    return problem
