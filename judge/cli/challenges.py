"""``judge list``, ``judge show`` and ``judge init``: finding a challenge and starting on it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from judge.cli.app import root_of
from judge.model.errors import ChallengeError, JudgeError

if TYPE_CHECKING:
    from judge.model.config import Config


def budget_rule(cfg: Config) -> str:
    if cfg.limits.time_ms is not None:
        return f"{cfg.limits.time_ms:g} ms"
    return f"{cfg.limits.time_multiplier:g}× slowest, ≥{cfg.limits.time_floor_ms:g} ms"


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def list_cmd(ctx: click.Context, as_json: bool) -> None:
    """List the challenges."""
    from judge.problems.problemset import all_challenges  # deferred: keeps `judge --help` fast

    rows: list[dict[str, Any]] = []
    for ch in all_challenges(root_of(ctx)):
        try:
            samples, hidden = ch.counts()
            cfg = ch.config
        except ChallengeError as exc:  # one broken challenge must not hide the others
            rows.append({"id": ch.id, "origin": ch.origin, "error": _where(exc, ch.path.parent.parent)})
            continue
        rows.append(
            {
                "id": ch.id,
                "title": cfg.title,
                "difficulty": cfg.difficulty,
                "samples": samples,
                "hidden": hidden,
                "time": budget_rule(cfg),
                "memory_mib": cfg.limits.memory_mib,
                "origin": ch.origin,
                "error": None,
            }
        )
    add_progress(rows)
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


def add_progress(rows: list[dict[str, object]]) -> None:
    """Each row gains ``solved`` (an AC on every test, ever) and ``attempts``, from the history."""
    from judge.practice import history  # deferred: keeps `judge --help` fast

    try:
        known = history.progress()
    except history.HistoryError as exc:
        click.echo(f"judge: warning: cannot read the history ({exc})", err=True)
        known = {}
    for row in rows:
        mine = known.get(str(row["id"]))
        row["solved"] = bool(mine and mine.solved)
        row["attempts"] = mine.attempts if mine else 0


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
    click.echo(
        f"wrote {file}; edit it, then try the samples with '{prefix} test {ch.id} {file}' "
        f"(add --watch to rerun on every save) and every test with '{prefix} run {ch.id} {file}'",
        err=True,
    )


COMMANDS = [list_cmd, show, init]
