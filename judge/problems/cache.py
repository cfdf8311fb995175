"""A small on-disk cache of JSON documents (expected answers, calibrations)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """``$JUDGE_CACHE_DIR``, else ``$XDG_CACHE_HOME/judge``, else ``~/.cache/judge``."""
    if os.environ.get("JUDGE_CACHE_DIR"):
        return Path(os.environ["JUDGE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "judge"


def load(key: str, decode: Callable[[str], Any] = json.loads) -> Any | None:
    try:
        return decode((cache_dir() / key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(key: str, value: Any) -> None:
    """Write atomically, so a crash never leaves a half-written entry; a read-only cache is fine."""
    path = cache_dir() / key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(value, f)
        os.replace(tmp, path)
    except OSError:
        pass
