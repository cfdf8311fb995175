"""Where challenges come from: problem-set folders holding challenges/ and solutions/.

Search order: ``--root`` (or ``$JUDGE_ROOT``) when given; else the nearest folder
at or above the current directory that holds ``challenges/``; then the built-in
set. The first folder that has an id wins. Every set found is registered with the
runner as a secret: no sandbox started afterwards can read it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from judge.model.errors import JudgeError, did_you_mean
from judge.problems.challenge import Challenge
from judge.problems.folder import CONFIG
from judge.runner.hidden import hide

ROOT_ENV = "JUDGE_ROOT"


def builtin_root() -> Path:
    """The shipped problem set: inside the installed package, or the source checkout's top level."""
    package = Path(__file__).resolve().parent.parent
    data = package / "_data"
    return data if (data / "challenges").is_dir() else package.parent


@dataclass(frozen=True)
class ProblemSet:
    root: Path
    origin: str

    def ids(self) -> list[str]:
        folder = self.root / "challenges"
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if (p / CONFIG).is_file())

    def challenge(self, cid: str) -> Challenge:
        return Challenge(
            id=cid,
            path=self.root / "challenges" / cid,
            solutions_path=self.root / "solutions" / cid,
            origin=self.origin,
        )


def find_upwards(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``challenges/``."""
    for folder in (start, *start.parents):
        if (folder / "challenges").is_dir():
            return folder
    return None


def problem_sets(root: str | Path | None = None) -> list[ProblemSet]:
    """The problem sets in search order, without duplicates."""
    sets: list[ProblemSet] = []
    explicit = root or os.environ.get(ROOT_ENV)
    if explicit:
        path = Path(explicit).expanduser().resolve()
        if not (path / "challenges").is_dir():
            raise JudgeError(
                f"no challenges/ folder in {path}; point --root (or ${ROOT_ENV}) at a folder holding "
                f"challenges/ and solutions/, or create one with 'judge --root {path} new <id>'"
            )
        sets.append(ProblemSet(path, str(path)))
    else:
        found = find_upwards(Path.cwd())
        if found is not None:
            sets.append(ProblemSet(found.resolve(), str(found.resolve())))
    builtin = builtin_root().resolve()
    sets = [s for s in sets if s.root != builtin]
    sets.append(ProblemSet(builtin, "built-in"))
    # Every problem set in use is a secret to every sandbox, not only the one being judged.
    hide(*(s.root for s in sets))
    return sets


def all_challenges(root: str | Path | None = None) -> list[Challenge]:
    seen: dict[str, Challenge] = {}
    for pset in problem_sets(root):
        for cid in pset.ids():
            seen.setdefault(cid, pset.challenge(cid))
    return sorted(seen.values(), key=lambda c: c.id)


def find(cid: str, root: str | Path | None = None) -> Challenge:
    """The challenge with this id, or a JudgeError that suggests the closest one."""
    for pset in problem_sets(root):
        if cid in pset.ids():
            return pset.challenge(cid)
    ids = [c.id for c in all_challenges(root)]
    raise JudgeError(f"no challenge {cid!r}{did_you_mean(cid, ids)} (see 'judge list')")
