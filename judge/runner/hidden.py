"""What a sandbox must never show: the judge package and every problem set in use.

A problem set (its hidden tests, references, known solutions) is secret wherever it
lies: given with ``--root``, found from the current folder, or shipped in the package.
The sandbox binds only what the Python runtime needs, so most of these are simply not
there; any that lies under a bound folder (``/usr/src/app/problems``, a checkout in
``<venv>/lib``...) is covered by an empty tmpfs. When a secret sits in a version-control
checkout, the whole checkout is covered, ``.git`` included, so no history leaks either.

Problem sets register here as the judge finds them (``hide``); every sandbox started
afterwards masks all of them, and the probe proves from inside that they are unreadable.
"""

from __future__ import annotations

import sys
import sysconfig
import threading
from pathlib import Path

#: Folders that mark a version-control checkout.
VCS = (".git", ".hg", ".svn", ".bzr")

_lock = threading.Lock()
_registered: set[Path] = set()


def hide(*roots: Path) -> None:
    """Register problem-set roots (or any folder) the solution must not read."""
    with _lock:
        _registered.update(Path(r).resolve() for r in roots)


def package() -> Path:
    return Path(__file__).resolve().parent.parent


def secrets() -> frozenset[Path]:
    """Everything that must be unreadable from a sandbox started now."""
    found = {package()}
    # An editable install runs the checkout but leaves a judge/ (with _data) in site-packages.
    for key in ("purelib", "platlib"):
        for base in {sys.prefix, sys.base_prefix}:
            installed = Path(sysconfig.get_path(key, vars={"base": base, "platbase": base})) / "judge"
            if installed.is_dir():
                found.add(installed.resolve())
    checkout = package().parent
    for name in ("challenges", "solutions"):
        if (checkout / name).is_dir():
            found.add(checkout / name)
    with _lock:
        found.update(_registered)
    return frozenset(found)


def checkout_of(path: Path) -> Path | None:
    """The outermost folder at or above ``path`` that is a version-control checkout."""
    outer = None
    for folder in (path, *path.parents):
        if any((folder / mark).exists() for mark in VCS):
            outer = folder
    return outer


def _under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def needed_inside(secret: Path, binds: list[Path]) -> Path | None:
    """A bound folder that a visible secret holds (or lies in and is): it cannot be covered."""
    if not any(_under(secret, b) for b in binds):
        return None
    return next((b for b in binds if _under(b, secret)), None)


def masks(binds: list[Path], hidden: frozenset[Path] | None = None) -> list[Path]:
    """The folders to cover, given what the sandbox binds: each visible secret, or its checkout.

    A secret that holds a folder the runtime needs cannot be covered; it is left out
    here, and the probe, which reads every secret from inside, says so.
    """
    out: list[Path] = []

    def visible(p: Path) -> bool:
        return any(_under(p, b) for b in binds)

    def coverable(p: Path) -> bool:
        return visible(p) and not any(_under(b, p) for b in binds)

    for secret in sorted(hidden if hidden is not None else secrets()):
        checkout = checkout_of(secret)
        chosen = next((c for c in (checkout, secret) if c is not None and coverable(c)), None)
        if chosen is None:
            continue
        out.append(chosen)
        if checkout is not None and chosen != checkout:
            # The checkout itself holds the runtime: cover its history at least.
            out += [checkout / mark for mark in VCS if (checkout / mark).exists() and coverable(checkout / mark)]
    # Outermost first, without folders already inside another mask.
    unique: list[Path] = []
    for path in sorted(set(out), key=lambda p: len(p.parts)):
        if not any(_under(path, u) for u in unique):
            unique.append(path)
    return unique
