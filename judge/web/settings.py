"""What one server runs with: the problem set, the sandbox, the guard and the limits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from judge.runner.sandbox import ProcessSandbox
from judge.web.security import Guard

#: The largest solution the page accepts (bytes of UTF-8): far above any real solution.
MAX_SOURCE_BYTES = 256 * 1024


@dataclass(frozen=True)
class Settings:
    #: The --root problem set (None: the current folder's, then the built-in set).
    root: Path | None
    sandbox: ProcessSandbox
    guard: Guard
    max_source_bytes: int = MAX_SOURCE_BYTES
