"""A class's submissions, read as untrusted input: regular files only, never through a link.

A student controls what is in the folder. A symbolic link to the shipped reference
would get AC, and one to /etc/shadow would be read with the grader's privileges, so
every submission is opened component by component with ``O_NOFOLLOW`` (no link is
followed anywhere below the graded folder), must be a regular file, and is read only
up to a size cap. What is refused still gets a row that says why; it is never judged.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from judge.model.errors import JudgeError

#: The largest submission read by default (source files of a few KiB are the norm).
MAX_BYTES = 1024 * 1024
#: Opened without following a link, without blocking on a FIFO, without becoming our terminal.
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
_DIR_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_DIRECTORY | os.O_CLOEXEC


@dataclass(frozen=True)
class Submission:
    #: The path relative to the graded folder: the row's identity.
    name: str
    path: Path
    sha256: str
    data: bytes = field(repr=False)
    #: Why it is not judged (a link, not a regular file, too large), or None.
    refused: str | None = None


def collect(
    folder: Path, pattern: str = "*.py", max_bytes: int = MAX_BYTES, skip: Sequence[Path] = ()
) -> list[Submission]:
    """Every file of the folder matching the glob, sorted by name; what cannot be judged is marked refused.

    ``skip``: the grader's own files and folders (the gradebook, its lock, the feedback), which a
    broad glob such as '*' could otherwise take for submissions when they live in the folder.
    """
    if not folder.is_dir():
        raise JudgeError(f"no such folder: {folder}; give the folder holding the submissions")
    if PurePosixPath(pattern).is_absolute() or ".." in PurePosixPath(pattern).parts:
        raise JudgeError(f"--glob {pattern!r} must stay inside {folder}; give a relative pattern such as '*.py'")
    own = [p.absolute() for p in skip]
    found = []
    for path in sorted(folder.glob(pattern)):
        if any(path.absolute() == p or p in path.absolute().parents for p in own):
            continue
        sub = read(folder, path.relative_to(folder), max_bytes)
        if sub is not None:
            found.append(sub)
    if not found:
        raise JudgeError(f"no file in {folder} matches {pattern!r}; pass --glob to pick the submissions")
    return found


def read(folder: Path, rel: Path, max_bytes: int = MAX_BYTES) -> Submission | None:
    """The submission at ``rel`` under ``folder``, refused with a reason if it is not a plain file;
    None for a folder (a glob such as '*' matches those too, and they are not submissions)."""
    name = rel.as_posix()
    opened: list[int] = []
    try:
        opened.append(os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC))
        for part in rel.parts[:-1]:
            try:
                opened.append(os.open(part, _DIR_FLAGS, dir_fd=opened[-1]))
            except OSError as exc:
                return _refused(folder, name, _why(exc, f"its folder '{part}'", opened[-1], part))
        try:
            fd = os.open(rel.name, _FILE_FLAGS, dir_fd=opened[-1])
        except OSError as exc:
            return _refused(folder, name, _why(exc, "it", opened[-1], rel.name))
        opened.append(fd)
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return None
        if not stat.S_ISREG(info.st_mode):
            return _refused(folder, name, "not a regular file (a FIFO, socket or device); submit the source file")
        data = _read_at_most(fd, max_bytes + 1)
    except OSError as exc:
        return _refused(folder, name, f"cannot be read: {exc.strerror or exc}")
    finally:
        for fd in reversed(opened):
            os.close(fd)
    if len(data) > max_bytes:
        return _refused(folder, name, f"larger than the {max_bytes:,}-byte limit (--max-kib); submit the source file")
    return Submission(name, folder / rel, hashlib.sha256(data).hexdigest(), data)


def _why(exc: OSError, what: str, dir_fd: int, entry: str) -> str:
    """Why opening ``entry`` failed, naming a link's target (read as text, never followed)."""
    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
        try:
            target = os.readlink(entry, dir_fd=dir_fd)
        except OSError:
            target = None
        if target is not None:
            shown = target if len(target) <= 200 else target[:200] + "..."
            return f"{what} is a symbolic link (to {shown}), never followed; submit the file itself"
    return f"cannot be read: {exc.strerror or exc}"


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks, size = [], 0
    while size < limit:
        chunk = os.read(fd, min(1 << 16, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _refused(folder: Path, name: str, reason: str) -> Submission:
    digest = hashlib.sha256(f"refused: {reason}".encode("utf-8", "surrogateescape")).hexdigest()
    return Submission(name, folder / name, digest, b"", refused=reason)
