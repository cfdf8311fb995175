"""Watch mode: judge again every time the solution file is saved.

The folder holding the file is watched, not the file itself: editors often save by
writing a new file and renaming it over the old one, which a watch on the old file
would miss.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

#: After the first change, how long the folder must stay quiet before the judge reruns (ms).
#: Long enough to see an editor's write-and-rename as one save, short enough to feel instant.
QUIET_MS = 20


def watch(file: Path, again: Callable[[], None], stop: threading.Event | None = None) -> None:
    """Call ``again()`` after every save of ``file``, until ``stop`` is set or Ctrl-C is pressed."""
    # Deferred: only watch mode needs watchfiles.
    from watchfiles import Change
    from watchfiles import watch as changes

    target = file.resolve()

    def is_target(change: Change, where: str) -> bool:
        return change is not Change.deleted and Path(where).resolve() == target

    for _ in changes(target.parent, watch_filter=is_target, step=QUIET_MS, stop_event=stop, recursive=False):
        if target.is_file():
            again()
