"""``judge run``: judge a solution file on every test of a challenge."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from judge.cli.app import root_of, solution_file
from judge.model.errors import ExitCode, JudgeError

if TYPE_CHECKING:
    from judge.formats import Context
    from judge.problems.challenge import Challenge

#: The --format choices (judge.formats.FORMATS, named here so `judge --help` imports no format).
REPORT_FORMATS = ("json", "junit", "gradescope", "exercism", "markdown")
VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")


#: Shared by `judge run` and `judge grade --feedback`.
hidden_visibility_option = click.option(
    "--hidden-visibility",
    type=click.Choice(VISIBILITIES),
    help="With --format gradescope: when students see the hidden tests' rows (default after_published).",
)


def machine_format(as_json: bool, fmt: str | None, hidden_visibility: str | None) -> str | None:
    """The one format asked for (None: the terminal view), or a one-line error for a contradiction."""
    if as_json and fmt not in (None, "json"):
        raise JudgeError(f"use just one of --json or --format {fmt}")
    fmt = "json" if as_json else fmt
    if hidden_visibility is not None and fmt != "gradescope":
        raise JudgeError("--hidden-visibility applies only to --format gradescope")
    return fmt


def format_context(ch: Challenge, hidden_visibility: str | None) -> Context:
    """What the formats need from the challenge: its function's name and its score weights."""
    from judge.formats import Context  # deferred: the formats cost `judge --help` a third of its start-up

    visibility: Any = hidden_visibility or "after_published"
    return Context(ch.config.function, ch.config.grading.weights, visibility)


@click.command()
@click.argument("challenge")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON report on stdout, nothing else.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
    help="Print the report on stdout in this format, nothing else (json is the same as --json).",
)
@hidden_visibility_option
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
    fmt: str | None,
    hidden_visibility: str | None,
    fail_fast: bool,
    require_isolation: bool,
    repeat: int | None,
) -> None:
    """Judge FILE on every test of CHALLENGE."""
    fmt = machine_format(as_json, fmt, hidden_visibility)
    # Deferred imports: `judge --help` must not pay for the engine. The sandbox probe
    # starts first, in a background thread, so it overlaps loading the tests.
    from judge.runner.sandbox import best_sandbox, warm_up

    warm_up()
    from judge.problems.problemset import find

    ch = find(challenge, root_of(ctx))
    solution_file(file)
    ch.tests  # noqa: B018 - load (and check) the tests before anything is shown
    from judge.judging.engine import Options, judge
    from judge.model.source import Source

    sandbox = best_sandbox()
    if require_isolation and not sandbox.isolation.isolated:
        raise JudgeError(
            f"full isolation is not available ({'; '.join(sandbox.isolation.missing)}); "
            "run without --require-isolation to judge with less"
        )
    if not sandbox.isolation.isolated:
        click.echo(f"judge: warning: the solution is NOT isolated ({'; '.join(sandbox.isolation.missing)})", err=True)
    from judge.cli import progress, views  # rich, only now that there is something to show

    with progress.Live(enabled=fmt is None, total=len(ch.tests)) as live:
        options = Options(fail_fast=fail_fast, sandbox=sandbox, repeat=repeat != 0, precise=repeat or 0)
        report = judge(ch, Source.from_path(file), options, live.on_event)
    if fmt is not None:
        from judge.formats import render  # deferred, as in format_context

        click.echo(render(fmt, report, format_context(ch, hidden_visibility)), nl=False)
    else:
        views.report(report)
    ctx.exit(ExitCode.OK if report.verdict.value == "AC" else ExitCode.FAILED)


COMMANDS = [run]
