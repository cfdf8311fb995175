"""The server's challenges, kept loaded between requests while their files stay the same.

Loading a challenge's tests (and generating the big ones) costs up to a second; a page
that answers Run in a blink cannot pay that each time. A challenge is loaded again when
its digest (a hash of every file that decides its tests and answers) changes, so an
instructor editing a ``--root`` problem set sees the new version on the next request.
"""

from __future__ import annotations

import threading
from pathlib import Path

from judge.problems.challenge import Challenge
from judge.problems.problemset import find


class Loaded:
    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._known: dict[str, Challenge] = {}

    def get(self, cid: str) -> Challenge:
        """The challenge (a JudgeError naming the closest id when there is none)."""
        fresh = find(cid, self.root)
        with self._lock:
            known = self._known.get(cid)
            if known is not None and known.path == fresh.path and known.digest == fresh.digest:
                return known
            self._known[cid] = fresh
            return fresh
