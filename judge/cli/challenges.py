"""``judge list``, ``judge show`` and ``judge init``: finding a challenge and starting on it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from judge.cli.app import root_of
from judge.model.errors import ChallengeError, JudgeError, did_you_mean

if TYPE_CHECKING:
    from judge.model.config import Config


def budget_rule(cfg: Config) -> str:
    if cfg.limits.time_ms is not None:
        return f"{cfg.limits.time_ms:g} ms"
    return f"{cfg.limits.time_multiplier:g}× slowest, ≥{cfg.limits.time_floor_ms:g} ms"


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


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option(
    "--tag",
    "tags",
    multiple=True,
    metavar="TAG",
    help="Only challenges with this tag (repeat: with all of them).",
)
@click.pass_context
def list_cmd(ctx: click.Context, as_json: bool, tags: tuple[str, ...]) -> None:
    """List the challenges (or those with a tag: --tag metrics)."""
    from judge.problems.problemset import all_challenges  # deferred: keeps `judge --help` fast

    rows: list[dict[str, Any]] = []
    for ch in all_challenges(root_of(ctx)):
        try:
            samples, hidden = ch.counts()
            cfg = ch.config
        except ChallengeError as exc:  # one broken challenge must not hide the others
            rows.append({"id": ch.id, "origin": ch.origin, "tags": [], "error": _where(exc, ch.path.parent.parent)})
            continue
        rows.append(
            {
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
        )
    rows = with_tags(rows, tags)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    from judge.cli import views  # deferred: rich costs start-up

    views.challenge_list(rows)


def _where(exc: ChallengeError, root: Path) -> str:
    """The error as 'validate' names it: the file (relative to its problem set), then the reason."""
    try:
        path = exc.path.resolve().relative_to(root.resolve())
    except ValueError:
        path = exc.path
    return f"{path}: {exc.detail}"


@click.command()
@click.argument("challenge")
@click.pass_context
def show(ctx: click.Context, challenge: str) -> None:
    """Show a challenge: statement, signature, sample tests and budgets."""
    from judge.cli import views  # deferred: rich costs start-up
    from judge.problems.problemset import find

    ch = find(challenge, root_of(ctx))
    samples = [t for t in ch.tests if not t.hidden]
    views.challenge(ch, samples, budget_rule(ch.config).replace("slowest", "the slowest accepted solution"))


@click.command()
@click.argument("challenge")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.pass_context
def init(ctx: click.Context, challenge: str, file: Path, force: bool) -> None:
    """Write the challenge's starting code to FILE."""
    from judge.problems.problemset import find  # deferred: keeps `judge --help` fast

    ch = find(challenge, root_of(ctx))
    if file.exists() and not force:
        raise JudgeError(f"{file} already exists; pick another name or add --force to overwrite it")
    if file.is_dir():
        raise JudgeError(f"{file} is a folder; give a file name such as mine.py")
    try:
        file.write_text(ch.stub(), encoding="utf-8")
    except OSError as exc:
        raise JudgeError(f"cannot write {file}: {exc.strerror}") from None
    root = root_of(ctx)
    prefix = f"judge --root {root}" if root else "judge"
    click.echo(f"wrote {file}; edit it, then run: {prefix} run {ch.id} {file}", err=True)


COMMANDS = [list_cmd, show, init]
