"""A solution to judge: its bytes and the name it is shown by."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Source:
    #: How reports name it: the path the user gave, or a submission's name.
    name: str
    data: bytes = field(repr=False)
    #: The file it was read from, when there is one (to explain an import of a module beside it).
    path: Path | None = None

    @classmethod
    def from_path(cls, path: Path) -> Source:
        return cls(str(path), path.read_bytes(), path)
