"""``judge run``: judge a solution file on every test of a challenge."""

from __future__ import annotations

import json
from pathlib import Path

import click

from judge.cli.app import checked_sandbox, root_of, solution_file
from judge.model.errors import ExitCode


@click.command()
@click.argument("challenge")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON report on stdout, nothing else.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first failing test.")
@click.option(
    "--require-isolation", is_flag=True, help="Refuse to run (exit 2) unless the sandbox fully isolates the solution."
)
@click.option(
    "--repeat",
    type=click.IntRange(0, 50),
    default=None,
    metavar="N",
    help="Time every test N more times and report the median (steadier numbers on a busy machine); "
    "0 times each test once (fastest). Default: only tests under 5 ms are timed again.",
)
@click.pass_context
def run(
    ctx: click.Context,
    challenge: str,
    file: Path,
    as_json: bool,
    fail_fast: bool,
    require_isolation: bool,
    repeat: int | None,
) -> None:
    """Judge FILE on every test of CHALLENGE."""
    # Deferred imports: `judge --help` must not pay for the engine. The sandbox probe
    # starts first, in a background thread, so it overlaps loading the tests.
    from judge.runner.sandbox import warm_up

    warm_up()
    from judge.problems.problemset import find

    ch = find(challenge, root_of(ctx))
    solution_file(file)
    ch.tests  # noqa: B018 - load (and check) the tests before anything is shown
    from judge.judging.engine import Options, judge
    from judge.model.source import Source

    sandbox = checked_sandbox(require_isolation, "judge")
    from judge.cli import progress, views  # rich, only now that there is something to show

    with progress.Live(enabled=not as_json, total=len(ch.tests)) as live:
        options = Options(fail_fast=fail_fast, sandbox=sandbox, repeat=repeat != 0, precise=repeat or 0)
        report = judge(ch, Source.from_path(file), options, live.on_event)
    if as_json:
        click.echo(json.dumps(report.to_dict()))
    else:
        views.report(report)
    ctx.exit(ExitCode.OK if report.verdict.value == "AC" else ExitCode.FAILED)


COMMANDS = [run]
