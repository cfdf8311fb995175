"""The reference on a learner's own input answers within limits, or the call is a usage error."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from judge.cli import cli
from judge.model.errors import JudgeError
from judge.problems import bounded
from judge.problems.testcase import TestCase
from judge.runner.interpreter import BOOT

REPO = Path(__file__).resolve().parent.parent
PATH = Path("reference.py")


def my_harnesses() -> list[int]:
    """Harness processes (the judge's children, sandboxed or not) this test process started."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if not proc.name.isdigit() or BOOT not in (proc / "cmdline").read_bytes().decode(errors="replace"):
                continue
            pid = int(proc.name)
            while pid > 1:  # up the parents: is this process one of them?
                pid = int((Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[1])
                if pid == os.getpid():
                    found.append(int(proc.name))
                    break
        except (OSError, ValueError, IndexError):
            continue
    return found


def case(*args: object) -> TestCase:
    return TestCase("custom-1", False, list(args))


def spin(n: int) -> int:
    while True:
        n += 1


def hoard(n: int) -> list[int]:
    return [0] * n


def pick(values: list[int], i: int) -> int:
    if i < 0:
        raise ValueError("i must be at least 0")
    return values[i]


def test_an_answer_and_a_promised_error_come_back_as_they_would_in_process() -> None:
    assert bounded.answer(pick, case([3, 4], 1), PATH) == (4, None)
    assert bounded.answer(pick, case([3, 4], -1), PATH) == (None, "ValueError")
    assert bounded.answer(hoard, case(2), PATH) == ([0, 0], None)


@pytest.mark.timeout(60)
def test_a_reference_that_runs_on_is_stopped_at_the_deadline() -> None:
    start = time.monotonic()
    with pytest.raises(JudgeError, match=r"did not answer within 0.5 s on your input; give a smaller one"):
        bounded.answer(spin, case(1), PATH, wall_s=0.5)
    assert time.monotonic() - start < 5


@pytest.mark.timeout(60)
def test_a_reference_that_would_take_every_byte_of_memory_is_stopped() -> None:
    with pytest.raises(JudgeError, match="ran out of memory"):
        bounded.answer(hoard, case(10**12), PATH)


@pytest.mark.timeout(120)
def test_a_huge_call_is_one_line_and_exit_2(tmp_path: Path) -> None:
    mine = tmp_path / "mine.py"
    mine.write_text((REPO / "solutions" / "time_series_split" / "accepted" / "reference.py").read_text())
    result = CliRunner().invoke(cli, ["test", "time_series_split", str(mine), "--input", "[1000000000000, 5]"])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().startswith("judge: error: the reference ran out of memory")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    # The solution's child started early, while the call was being checked; it went with the error.
    assert my_harnesses() == []
