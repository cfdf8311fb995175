"""The ``judge`` group: global options, and one line (exit code 2) for every user mistake.

Nothing here or in the command modules imports rich or the engine at import time: they
are imported inside the commands, so ``judge --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from judge import __version__
from judge.model.errors import JudgeError

#: The exit code after Ctrl-C (128 + SIGINT), as shells report it.
INTERRUPTED = 130

if TYPE_CHECKING:
    from judge.runner.sandbox import ProcessSandbox


class Group(click.Group):
    """Turns every JudgeError into one line on stderr and exit code 2: never a traceback.

    Commands are imported when used: ``lazy`` names the module of judge.cli holding each.
    """

    lazy: dict[str, str] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            import importlib  # deferred with the command modules themselves

            module = importlib.import_module(f"judge.cli.{self.lazy[cmd_name]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JudgeError as exc:
            # Deferred: `judge --help` must not pay for the formats package; errors only.
            from judge.formats.text import printable

            click.echo(f"judge: error: {printable(str(exc))}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            # One line, and the shell's code for "ended by Ctrl-C"; the children died with the judge.
            click.echo("judge: interrupted", err=True)
            ctx.exit(INTERRUPTED)


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


def root_of(ctx: click.Context) -> Path | None:
    """The --root given to the judge group (or $JUDGE_ROOT)."""
    obj = ctx.find_root().obj
    return obj.get("root") if obj else None


def swapped(challenge: str, file: Path, root: Path | None) -> None:
    """A one-line error when the arguments came as FILE CHALLENGE ('judge run mine.py can_shift')."""
    from judge.problems.problemset import all_challenges  # deferred: keeps `judge --help` fast

    looks_like_file = challenge.endswith(".py") or Path(challenge).is_file()
    if looks_like_file and not file.exists() and str(file) in {c.id for c in all_challenges(root)}:
        raise JudgeError(
            f"the arguments are swapped: the challenge comes first, then the file: "
            f"'judge {click.get_current_context().info_name} {file} {challenge}'"
        )


def solution_file(path: Path) -> Path:
    """The solution file the user named, or a one-line error saying what is wrong with the path."""
    if not path.exists():
        raise JudgeError(f"no such file: {path}; give the path of your .py solution (e.g. 'judge init <id> mine.py')")
    if path.is_dir():
        raise JudgeError(f"{path} is a folder, not a file; give the path of your .py solution")
    if not path.is_file():
        raise JudgeError(f"{path} is not a regular file; give the path of your .py solution")
    return path


def checked_sandbox(require_isolation: bool, verb: str) -> ProcessSandbox:
    """The strongest sandbox here; refused under --require-isolation when it does not isolate, else warned about."""
    from judge.runner.sandbox import best_sandbox  # deferred: keeps `judge --help` fast

    sandbox = best_sandbox()
    missing = "; ".join(sandbox.isolation.missing)
    if require_isolation and not sandbox.isolation.isolated:
        raise JudgeError(
            f"full isolation is not available ({missing}); run without --require-isolation to {verb} with less"
        )
    if not sandbox.isolation.isolated:
        click.echo(f"judge: warning: the solution is NOT isolated ({missing})", err=True)
    return sandbox
