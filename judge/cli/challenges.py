"""``judge list``, ``judge show`` and ``judge init``: finding a challenge and starting on it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from judge.cli.app import root_of
from judge.model.errors import JudgeError


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
    from judge.problems.listing import rows as list_rows  # deferred: keeps `judge --help` fast
    from judge.problems.listing import with_tags

    rows = with_tags(list_rows(root_of(ctx)), tags)
    add_progress(rows)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    from judge.cli import views  # deferred: rich costs start-up

    views.challenge_list(rows)


def add_progress(rows: list[dict[str, Any]]) -> None:
    """Each row gains ``solved`` and ``attempts`` from the history; an unreadable one warns."""
    from judge.practice import history  # deferred: keeps `judge --help` fast

    problem = history.add_progress(rows)
    if problem is not None:
        click.echo(f"judge: warning: cannot read the history ({problem})", err=True)


@click.command()
@click.argument("challenge")
@click.pass_context
def show(ctx: click.Context, challenge: str) -> None:
    """Show a challenge: statement, signature, sample tests and budgets."""
    from judge.cli import views  # deferred: rich costs start-up
    from judge.problems.listing import budget_rule
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
    if file.is_symlink() and not force:
        # exists() is False for a dangling link, and writing would create its target.
        raise JudgeError(f"{file} is a symbolic link; pick another name or add --force to replace the link")
    if file.exists() and not file.is_symlink() and not force:
        raise JudgeError(f"{file} already exists; pick another name or add --force to overwrite it")
    if file.is_dir() and not file.is_symlink():
        raise JudgeError(f"{file} is a folder; give a file name such as mine.py")
    write_new(file, ch.stub())
    root = root_of(ctx)
    prefix = f"judge --root {root}" if root else "judge"
    click.echo(
        f"wrote {file}; edit it, then try the samples with '{prefix} test {ch.id} {file}' "
        f"(add --watch to rerun on every save) and every test with '{prefix} run {ch.id} {file}'",
        err=True,
    )


def write_new(file: Path, text: str) -> None:
    """Write ``text`` to ``file`` as a regular file of its own, never through a symbolic link.

    A link (dangling or not) is replaced, not followed: O_NOFOLLOW refuses a link that
    appears between the check and the write.
    """
    try:
        if file.is_symlink():
            file.unlink()
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as exc:
        raise JudgeError(f"cannot write {file}: {exc.strerror}") from None


COMMANDS = [list_cmd, show, init]
