"""A small on-disk cache: JSON documents (calibrations, test counts) and plain data
(generated tests, expected answers).

Plain data is stored with ``marshal``: the tests and answers of a challenge can be
megabytes, and marshal reads them back five to ten times faster than JSON, on the path
of every ``judge run``. It is this interpreter's own format (its version is part of the
file name), for lists, dicts, strings and numbers the judge wrote itself.
"""

from __future__ import annotations

import json
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """``$JUDGE_CACHE_DIR``, else ``$XDG_CACHE_HOME/judge``, else ``~/.cache/judge``."""
    if os.environ.get("JUDGE_CACHE_DIR"):
        return Path(os.environ["JUDGE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "judge"


def load(key: str) -> Any | None:
    """A JSON document stored by ``store``, or None when there is none (or it does not read)."""
    try:
        return json.loads((cache_dir() / key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(key: str, value: Any) -> None:
    """Write a JSON document (see ``_write``)."""
    _write(cache_dir() / key, json.dumps(value).encode("utf-8"))


def _data_path(key: str) -> Path:
    return cache_dir() / f"{key}.marshal{marshal.version}"


def load_data(key: str) -> Any | None:
    """Plain data stored by ``store_data``, or None when there is none (or it does not read)."""
    try:
        return marshal.loads(_data_path(key).read_bytes())
    except (OSError, ValueError, EOFError, TypeError, MemoryError):  # damaged: a miss
        return None


def store_data(key: str, value: Any) -> None:
    """Store plain data (None, bools, numbers, strings, lists and dicts of them).

    Anything else raises ValueError before the cache is touched.
    """
    _write(_data_path(key), marshal.dumps(value))


def _write(path: Path, data: bytes) -> None:
    """Write atomically, so a crash never leaves a half-written entry; a read-only cache is fine."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        pass
