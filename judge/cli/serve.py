"""``judge serve``: the practice page in the browser, on the same engine and sandbox as the CLI."""

from __future__ import annotations

import importlib.util

import click

from judge.cli.app import checked_sandbox, root_of
from judge.model.errors import JudgeError


def missing_web_packages() -> list[str]:
    from judge.web import REQUIRED  # the package's __init__ imports nothing heavy

    return [name for name in REQUIRED if importlib.util.find_spec(name) is None]


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on (the page runs code: keep it local).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="The port (default: 8765, or the next free one; 0 picks any free port).",
)
@click.option("--no-browser", is_flag=True, help="Do not open a browser; just print the address.")
@click.option(
    "--require-isolation", is_flag=True, help="Refuse to start (exit 2) unless the sandbox fully isolates solutions."
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int | None, no_browser: bool, require_isolation: bool) -> None:
    """Serve the practice page: the challenges, an editor, Run and Submit, a live report.

    Prints the address with its access token and opens it in the browser. Code typed in
    the page is judged in the same sandbox as 'judge run', one submission at a time.
    """
    missing = missing_web_packages()
    if missing:
        raise JudgeError(
            f"'judge serve' needs the web packages ({', '.join(missing)} missing); "
            "install them with: pip install 'judge[web]' (from a checkout: pip install '.[web]')"
        )
    from judge.runner.sandbox import warm_up

    warm_up()
    from judge.problems.problemset import all_challenges

    challenges = all_challenges(root_of(ctx))  # a bad --root is a one-line error before anything starts
    sandbox = checked_sandbox(require_isolation, "serve")
    from judge.web.server import serve as run_server  # deferred: uvicorn and starlette cost start-up

    click.echo(f"judge: {len(challenges)} challenge(s); isolation: {sandbox.isolation.level}", err=True)
    try:
        run_server(
            root=root_of(ctx),
            sandbox=sandbox,
            host=host,
            port=port,
            open_browser=not no_browser,
            say=lambda line: click.echo(line, err=True),
        )
    except KeyboardInterrupt:  # uvicorn stops on Ctrl-C, then raises it again
        click.echo("judge: stopped", err=True)
        ctx.exit(130)


COMMANDS = [serve]
