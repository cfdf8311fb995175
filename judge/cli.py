"""The ``judge`` command. Commands parse options, call the engine, hand results to render.

Nothing here imports rich: rendering lives in judge.render, imported when needed,
so ``judge --help`` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from judge import __version__
from judge.errors import ExitCode, JudgeError


class Group(click.Group):
    """Turns every JudgeError into one line on stderr and exit code 2: never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JudgeError as exc:
            click.echo(f"judge: error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="judge")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="JUDGE_ROOT",
    help="A problem-set folder holding challenges/ and solutions/ (env: JUDGE_ROOT).",
)
@click.pass_context
def cli(ctx: click.Context, root: Path | None) -> None:
    """A local judge for coding challenges: is my solution right, how fast, how much memory?"""
    ctx.obj = {"root": root}


def root_option(ctx: click.Context) -> Path | None:
    """The --root given to the judge group (or $JUDGE_ROOT), for commands in other modules."""
    return _root(ctx)


def _root(ctx: click.Context) -> Path | None:
    return ctx.find_root().obj.get("root") if ctx.find_root().obj else None


def _find(ctx: click.Context, cid: str) -> Any:
    from judge.problemset import find

    return find(cid, _root(ctx))


def _solution_file(path: Path) -> Path:
    if not path.exists():
        raise JudgeError(f"no such file: {path}; give the path of your .py solution (e.g. 'judge init <id> mine.py')")
    if path.is_dir():
        raise JudgeError(f"{path} is a folder, not a file; give the path of your .py solution")
    if not path.is_file():
        raise JudgeError(f"{path} is not a regular file; give the path of your .py solution")
    return path


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def list_cmd(ctx: click.Context, as_json: bool) -> None:
    """List the challenges."""
    from judge.problemset import all_challenges

    rows = []
    for ch in all_challenges(_root(ctx)):
        samples, hidden = ch.counts()
        cfg = ch.config
        rows.append(
            {
                "id": ch.id,
                "title": cfg.title,
                "difficulty": cfg.difficulty,
                "samples": samples,
                "hidden": hidden,
                "time": _budget_rule(cfg),
                "memory_mib": cfg.limits.memory_mib,
                "origin": ch.origin,
            }
        )
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    from judge import render

    render.challenge_list(rows)


def _budget_rule(cfg: Any) -> str:
    if cfg.limits.time_ms is not None:
        return f"{cfg.limits.time_ms:g} ms"
    return f"{cfg.limits.time_multiplier:g}× slowest, ≥{cfg.limits.time_floor_ms:g} ms"


@cli.command()
@click.argument("challenge")
@click.pass_context
def show(ctx: click.Context, challenge: str) -> None:
    """Show a challenge: statement, signature, sample tests and budgets."""
    ch = _find(ctx, challenge)
    from judge import render

    samples = [t for t in ch.tests if not t.hidden]
    render.challenge(
        ch, ch.statement(), samples, _budget_rule(ch.config).replace("slowest", "the slowest accepted solution")
    )


@cli.command()
@click.argument("challenge")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.pass_context
def init(ctx: click.Context, challenge: str, file: Path, force: bool) -> None:
    """Write the challenge's starting code to FILE."""
    ch = _find(ctx, challenge)
    if file.exists() and not force:
        raise JudgeError(f"{file} already exists; pick another name or add --force to overwrite it")
    if file.is_dir():
        raise JudgeError(f"{file} is a folder; give a file name such as mine.py")
    try:
        file.write_text(ch.stub(), encoding="utf-8")
    except OSError as exc:
        raise JudgeError(f"cannot write {file}: {exc.strerror}") from None
    root = _root(ctx)
    prefix = f"judge --root {root}" if root else "judge"
    click.echo(f"wrote {file}; edit it, then run: {prefix} run {ch.id} {file}", err=True)


@cli.command()
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
    from judge.runner.sandbox import warm_up

    warm_up()
    ch = _find(ctx, challenge)
    _solution_file(file)
    ch.tests  # noqa: B018 - load (and check) the tests before anything is shown
    from judge.grader import Options, judge_file
    from judge.runner.sandbox import best_sandbox

    sandbox = best_sandbox()
    if require_isolation and not sandbox.isolation.isolated:
        raise JudgeError(
            f"full isolation is not available ({'; '.join(sandbox.isolation.missing)}); "
            "run without --require-isolation to judge with less"
        )
    if not sandbox.isolation.isolated:
        click.echo(f"judge: warning: the solution is NOT isolated ({'; '.join(sandbox.isolation.missing)})", err=True)
    from judge import render

    with render.Live(enabled=not as_json, total=len(ch.tests)) as live:
        options = Options(
            fail_fast=fail_fast,
            sandbox=sandbox,
            progress=live.advance,
            notify=live.notify,
            repeat=repeat != 0,
            precise=repeat or 0,
        )
        report = judge_file(ch, file, options)
    if as_json:
        click.echo(json.dumps(report.to_dict()))
    else:
        render.report(report)
    ctx.exit(ExitCode.OK if report.verdict.value == "AC" else ExitCode.FAILED)


def _add_commands() -> None:
    from judge.commands import discover

    for command in discover():
        cli.add_command(command)


_add_commands()


def main() -> None:
    cli(prog_name="judge")


if __name__ == "__main__":  # pragma: no cover
    main()
