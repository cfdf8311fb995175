"""``judge history``: past attempts, newest first."""

from __future__ import annotations

import json

import click

from judge.cli.app import root_of
from judge.model.errors import JudgeError


@click.command()
@click.argument("challenge", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.option(
    "--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, help="Show at most N attempts."
)
@click.pass_context
def history(ctx: click.Context, challenge: str | None, as_json: bool, limit: int) -> None:
    """Past attempts (of CHALLENGE, or of all): when, verdict, passed/total, time, the file and its hash."""
    from judge.practice import history as store  # deferred: keeps `judge --help` fast

    if challenge is not None:
        from judge.problems.problemset import find

        challenge = find(challenge, root_of(ctx)).id  # an unknown id gets a did-you-mean
    try:
        rows = store.attempts(challenge, limit)
    except store.HistoryError as exc:
        raise JudgeError(f"cannot read the history: {exc}; move the file away to start a new one") from None
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in rows], indent=2))
        return
    from judge.cli import views  # deferred: rich costs start-up

    views.attempts(rows, challenge, store.path())


COMMANDS = [history]
