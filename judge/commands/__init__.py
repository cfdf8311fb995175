"""Commands that live in their own modules (authoring, grading, ...).

Each module here defines ``COMMANDS``, a list of click commands; ``judge.cli``
adds them all. Adding a command is adding a module: cli.py is not edited, and
the modules must stay cheap to import (click only; heavy imports go inside the
command functions).
"""

from __future__ import annotations

import importlib
import pkgutil

import click


def discover() -> list[click.Command]:
    commands: list[click.Command] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        commands.extend(getattr(module, "COMMANDS", []))
    return commands
