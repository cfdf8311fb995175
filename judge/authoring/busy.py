"""One core kept busy, for checking that verdicts hold on a loaded machine.

A learner's laptop runs a browser and an editor while the judge works; a CI runner
shares its cores. ``one_core_busy()`` starts one process that spins in a loop and ends
it (by its own handle, never by name) when the block ends, however it ends.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

#: The spinning program: pure CPU, no memory growth, no output.
SPIN = "while True:\n    pass\n"


@contextmanager
def one_core_busy() -> Iterator[subprocess.Popen[bytes]]:
    """Keep one core busy with a spinning child process while the block runs."""
    proc = subprocess.Popen(
        [sys.executable, "-I", "-c", SPIN],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()
