"""The ``judge`` command. Commands parse options, call the engine, hand results to the views.

Each module here holds a few commands (``COMMANDS``); the group imports a module only
when one of its commands runs (``judge --help`` imports them all, to list them).
Only ``judge.cli.views`` imports rich, and only when there is something to show.
"""

from __future__ import annotations

from judge.cli.app import cli

#: Which module of judge.cli holds each command: `judge run` imports judge.cli.run alone.
COMMAND_MODULES = {
    "list": "challenges",
    "show": "challenges",
    "init": "challenges",
    "run": "run",
    "test": "run",
    "history": "history",
    "new": "authoring",
    "validate": "authoring",
    "grade": "grade",
    "serve": "serve",
}
cli.lazy = COMMAND_MODULES


def main() -> None:
    cli(prog_name="judge")


__all__ = ["COMMAND_MODULES", "cli", "main"]
