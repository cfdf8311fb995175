"""The ``judge`` command. Commands parse options, call the engine, hand results to the views.

Each module here holds a few commands (``COMMANDS``); they are added to the group below.
Only ``judge.cli.views`` imports rich, and only when there is something to show.
"""

from __future__ import annotations

from judge.cli import authoring, challenges, grade, history, run, serve
from judge.cli.app import cli

for _module in (challenges, run, history, authoring, grade, serve):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    cli(prog_name="judge")


__all__ = ["cli", "main"]
