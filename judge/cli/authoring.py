"""Authoring commands: ``judge new`` scaffolds a challenge, ``judge validate`` checks them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from judge.cli.app import root_of
from judge.model.errors import ExitCode, JudgeError


def _target_root(ctx: click.Context) -> Path:
    """Where 'judge new' writes: --root, else the problem set around the cwd, else the cwd."""
    from judge.problems.problemset import find_upwards  # deferred: keeps `judge --help` fast

    root = root_of(ctx)
    if root is not None:
        return Path(root).expanduser().resolve()
    return (find_upwards(Path.cwd()) or Path.cwd()).resolve()


@click.command("new")
@click.argument("challenge")
@click.pass_context
def new_cmd(ctx: click.Context, challenge: str) -> None:
    """Scaffold a working challenge CHALLENGE (config, tests, generator, solutions) to edit from."""
    from judge.authoring.scaffold import create  # deferred: keeps `judge --help` fast

    root = _target_root(ctx)
    written = create(root, challenge)
    for path in written:
        click.echo(str(path.relative_to(root)))
    where = f"--root {root} " if root_of(ctx) is not None else ""
    click.echo(
        f"created challenge {challenge!r} in {root}; edit it, then run: judge {where}validate {challenge}",
        err=True,
    )


@click.command("validate")
@click.argument("challenges", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document on stdout, nothing else.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option(
    "--no-busy",
    is_flag=True,
    help="Skip timing the accepted and time_limit_exceeded/ solutions again with one core busy (faster).",
)
@click.pass_context
def validate_cmd(ctx: click.Context, challenges: tuple[str, ...], as_json: bool, strict: bool, no_busy: bool) -> None:
    """Check challenge folders and their known solutions (all of the problem set when none is given).

    Exit 0 when all is well, 1 when a check failed.
    """
    # Deferred: keeps `judge --help` fast.
    from judge.authoring.validate import validate
    from judge.cli import progress, views
    from judge.model.events import ignore
    from judge.problems.problemset import find, problem_sets
    from judge.runner.sandbox import best_sandbox

    root = root_of(ctx)
    if challenges:
        chosen = [find(cid, root) for cid in challenges]
    else:
        # The author's own set (--root, or the one around the cwd); the built-in one otherwise.
        pset = problem_sets(root)[0]
        chosen = [pset.challenge(cid) for cid in pset.ids()]
        if not chosen:
            raise JudgeError(f"no challenges in {pset.root}; create one with 'judge new <id>'")
    on_event = ignore if as_json else progress.status_event
    sandbox = best_sandbox()
    results = [validate(ch, sandbox, on_event, busy=not no_busy) for ch in chosen]
    ok = all(r.ok and not (strict and r.problems) for r in results)
    if as_json:
        click.echo(json.dumps({"ok": ok, "challenges": [r.to_dict() for r in results]}, indent=2))
    else:
        views.validation(results)
    ctx.exit(ExitCode.OK if ok else ExitCode.FAILED)


COMMANDS = [new_cmd, validate_cmd]
