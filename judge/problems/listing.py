"""One row per challenge, as ``judge list`` and the practice page's list show it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from judge.model.config import Config
from judge.model.errors import ChallengeError, JudgeError, did_you_mean
from judge.problems.challenge import Challenge
from judge.problems.problemset import all_challenges


def budget_rule(cfg: Config) -> str:
    if cfg.limits.time_ms is not None:
        return f"{cfg.limits.time_ms:g} ms"
    return f"{cfg.limits.time_multiplier:g}× slowest, ≥{cfg.limits.time_floor_ms:g} ms"


def row(ch: Challenge) -> dict[str, Any]:
    """What a list shows of a challenge, without computing any expected answer.

    A broken challenge is a row with its ``error`` (as 'validate' names it): one broken
    folder must not hide the others.
    """
    try:
        samples, hidden = ch.counts()
        cfg = ch.config
    except ChallengeError as exc:
        return {"id": ch.id, "origin": ch.origin, "tags": [], "error": _where(exc, ch.path.parent.parent)}
    return {
        "id": ch.id,
        "title": cfg.title,
        "difficulty": cfg.difficulty,
        "tags": list(cfg.tags),
        "samples": samples,
        "hidden": hidden,
        "time": budget_rule(cfg),
        "memory_mib": cfg.limits.memory_mib,
        "origin": ch.origin,
        "error": None,
    }


def _where(exc: ChallengeError, root: Path) -> str:
    """The error as 'validate' names it: the file (relative to its problem set), then the reason."""
    try:
        path = exc.path.resolve().relative_to(root.resolve())
    except ValueError:
        path = exc.path
    return f"{path}: {exc.detail}"


def rows(root: str | Path | None = None) -> list[dict[str, Any]]:
    return [row(ch) for ch in all_challenges(root)]


def with_tags(rows: list[dict[str, Any]], wanted: tuple[str, ...]) -> list[dict[str, Any]]:
    """The rows that carry every wanted tag; a tag no challenge has is a usage error.

    A broken challenge (its row has no tags) is listed only when no tag is asked for.
    """
    if not wanted:
        return rows
    known = sorted({tag for row in rows for tag in row["tags"]})
    wanted = tuple(tag.lower() for tag in wanted)
    for tag in wanted:
        if tag not in known:
            listed = f"tags: {', '.join(known)}" if known else "no challenge here has tags"
            raise JudgeError(f"no challenge is tagged {tag!r}{did_you_mean(tag, known)} ({listed})")
    return [row for row in rows if set(wanted) <= set(row["tags"])]
