"""How the child's Python starts: its command line, its module path, the harness ready to run.

The child is ``python -I -S``: no environment, no user site, and no ``site`` module.
``site`` would run the ``.pth`` files of site-packages, which a machine may fill with
start-up hooks (a CA bundle patched into certifi, setuptools' distutils shim) that cost
tens of milliseconds per child and have no business in a sandbox; DMOJ runs Python
with ``-S`` for the same reason. The child gets the folders ``site`` would have put on
``sys.path`` instead (site-packages, and the folders their ``.pth`` files name), so it
imports what ``python -I`` would: numpy and the other allowed modules.

The harness arrives compiled: the judge reads its code object (from the bytecode cache
when there is one) once, and every child executes it, instead of each child compiling
its source again.
"""

from __future__ import annotations

import binascii
import functools
import json
import marshal
import os
import site
import sys
from pathlib import Path
from types import CodeType

from judge.runner import harness

#: What the child runs: the harness's code object, from the first argument (base64 of marshal).
BOOT = "import binascii,marshal,sys;exec(marshal.loads(binascii.a2b_base64(sys.argv.pop(1))))"
#: The name the harness's frames carry in tracebacks (as when it ran from ``-c``).
FILENAME = "<string>"


def _renamed(code: CodeType) -> CodeType:
    consts = tuple(_renamed(c) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=FILENAME, co_consts=consts)


@functools.cache
def harness_code() -> str:
    """The harness's code object, marshalled and base64-encoded for the child's command line."""
    loader = harness.__spec__.loader if harness.__spec__ is not None else None
    get_code = getattr(loader, "get_code", None)
    code = get_code(harness.__name__) if get_code is not None else None
    if code is None:
        code = compile(Path(harness.__file__).read_text(encoding="utf-8"), FILENAME, "exec")
    return binascii.b2a_base64(marshal.dumps(_renamed(code)), newline=False).decode("ascii")


@functools.cache
def site_path() -> tuple[str, ...]:
    """The folders ``site`` adds to ``sys.path`` under ``python -I``, in its order.

    Each site-packages folder, then the folders its ``.pth`` files name; the ``import``
    lines of ``.pth`` files are start-up hooks, and are not run in the child.
    """
    found: list[str] = []

    def add(folder: str) -> None:
        if folder not in found and os.path.isdir(folder):
            found.append(folder)

    for sitedir in site.getsitepackages():
        if not os.path.isdir(sitedir):
            continue
        add(sitedir)
        try:
            names = sorted(n for n in os.listdir(sitedir) if n.endswith(".pth") and not n.startswith("."))
        except OSError:
            continue
        for name in names:
            try:
                with open(os.path.join(sitedir, name), encoding="utf-8", errors="replace") as f:
                    lines = f.read().splitlines()
            except OSError:
                continue
            for line in lines:
                line = line.rstrip()
                if line and not line.startswith("#") and not line.startswith(("import ", "import\t")):
                    add(os.path.abspath(os.path.join(sitedir, line)))
    return tuple(found)


def argv(req_fd: int, rep_fd: int, preload: list[str], with_site: bool) -> list[str]:
    """The child's command line: the harness on these pipes, importing ``preload`` first.

    ``with_site`` False leaves site-packages off the path (the probe needs none of it).
    """
    path = list(site_path()) if with_site else []
    fds = [str(req_fd), str(rep_fd)]
    return [sys.executable, "-I", "-S", "-c", BOOT, harness_code(), *fds, json.dumps(preload), json.dumps(path)]
