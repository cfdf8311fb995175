"""Started children with nothing loaded yet, kept ready for the next solution.

A child's interpreter (inside the sandbox) takes tens of milliseconds to boot. A front
end that judges again and again (watch mode, a web server) keeps one started child in
reserve: the next judgment loads its solution into it at once, and a new spare boots
while that judgment runs.

A one-off judgment (``judge run``) gets one early child the same way: started while the
sandbox probe runs (``start_early``), taken by the first session of that sandbox.

Only children that never ran solution code are reused. A child that loaded a solution
keeps whatever that code left behind (globals, imported modules, patched builtins), so
it is never handed to another solution, nor to a new version of the same file.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Sequence

from judge.runner.child import Child
from judge.runner.process import ProcessSandbox


class Spares:
    """One spare child per front end, for one sandbox. Thread-safe."""

    def __init__(self, sandbox: ProcessSandbox) -> None:
        self.sandbox = sandbox
        self._lock = threading.Lock()
        self._spare: Child | None = None
        self._closed = False
        #: The modules the last solution's challenge preloads: the next spare preloads them too.
        self._preload: tuple[str, ...] = ()

    def fill(self) -> None:
        """Start a spare now (if there is none), so it boots while the caller does other work."""
        with self._lock:
            if self._spare is None and not self._closed:
                self._spare = Child(self.sandbox, self._preload)

    def take(self, preload: Sequence[str] = ()) -> Child:
        """A started child with nothing loaded that preloaded these modules; a new spare starts booting at once."""
        want = tuple(preload)
        with self._lock:
            child, self._spare = self._spare, None
            self._preload = want
        if child is None or not child.running() or child.preload != want:
            if child is not None:
                child.close()
            child = Child(self.sandbox, want)
        self.fill()
        return child

    def close(self) -> None:
        with self._lock:
            self._closed = True
            child, self._spare = self._spare, None
        if child is not None:
            child.close()

    def __enter__(self) -> Spares:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- one early child, for a one-off judgment ---------------------------------------------

_early_lock = threading.Lock()
_early: Child | None = None
_exit_hook = False


def start_early(sandbox: ProcessSandbox, preload: Sequence[str] = ()) -> None:
    """Start a child for ``sandbox`` now, before anything needs it (at most one at a time)."""
    global _early, _exit_hook
    with _early_lock:
        if _early is None:
            _early = Child(sandbox, preload)
        if not _exit_hook:
            # Registered now, after the cgroup set-up registered its own: exit hooks run
            # last-in first-out, so the child and its cgroup go before their parent folder.
            atexit.register(drop_early)
            _exit_hook = True


def take_early(sandbox: ProcessSandbox, preload: Sequence[str] = ()) -> Child | None:
    """The early child, if it was started for this very sandbox and these modules and still runs."""
    global _early
    with _early_lock:
        child = _early
        if child is None or child.sandbox is not sandbox or child.preload != tuple(preload):
            return None
        _early = None
    if not child.running():
        child.close()
        return None
    return child


def drop_early(keep: ProcessSandbox | None = None) -> None:
    """Close the early child unless it belongs to ``keep`` (the sandbox that will be used)."""
    global _early
    with _early_lock:
        child = _early
        if child is None or (keep is not None and child.sandbox is keep):
            return
        _early = None
    child.close()
