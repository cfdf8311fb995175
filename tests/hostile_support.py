"""What the hostile suites share: judging an attack file with fixed budgets, and looking for traces."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from judge.judging import engine
from judge.model.report import Report, TestResult
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.challenge import Challenge
from judge.problems.problemset import ProblemSet, builtin_root
from judge.runner import cgroup
from judge.runner import sandbox as sandbox_mod

HOSTILE = Path(__file__).parent / "hostile"
CHALLENGE = ProblemSet(builtin_root(), "built-in").challenge("can_shift")
#: A fixed budget per test, so no calibration runs; generous for the fast answer the attacks give.
BUDGET_S = 0.5
#: Memory attacks get more CPU, so the memory limit (not the clock) is what stops them on a busy machine.
MEMORY_ATTACK_S = 5.0

needs_isolation = pytest.mark.skipif(
    not sandbox_mod.probe().isolated, reason="needs full isolation (install bubblewrap)"
)
#: Whether this machine gives every child a cgroup (CI does): forks are then charged, not refused.
CGROUPS = isinstance(cgroup.detect(), cgroup.Support)


def judge(path: Path, fail_fast: bool = True, budget_s: float = BUDGET_S, challenge: Challenge = CHALLENGE) -> Report:
    budgets = {t.name: budget_s for t in challenge.tests}
    options = engine.Options(budgets=budgets, fail_fast=fail_fast, sandbox=sandbox_mod.best_sandbox())
    return engine.judge(challenge, Source.from_path(path), options)


def rendered(report: Report) -> str:
    from rich.console import Console

    from judge.cli import views as render

    out = io.StringIO()
    render.report(report, Console(file=out, width=200, color_system=None))
    return out.getvalue()


def templated(tmp_path: Path, name: str, **values: object) -> Path:
    text = (HOSTILE / name).read_text()
    for key, value in values.items():
        text = text.replace(key, str(value))
    path = tmp_path / name
    path.write_text(text)
    return path


def survivors(marker: str) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if marker.encode() in f.read():
                        found.append(int(pid))
            except OSError:
                pass
    return found


def boxed_processes() -> list[int]:
    """Processes still in any cgroup this judge made (none may outlive a run)."""
    support = cgroup.detect()
    if not isinstance(support, cgroup.Support):
        return []
    found: list[int] = []
    for parent in {p.parent for p in support.places.values()}:
        for procs in parent.glob("*/cgroup.procs"):
            try:
                found += [int(p) for p in procs.read_text().split()]
            except OSError:
                pass
    return found


def box_memory() -> int:
    """The most memory any one cgroup this judge made holds now, in bytes."""
    support = cgroup.detect()
    if not isinstance(support, cgroup.Support):
        return 0
    parent = support.places["memory"].parent
    most = 0
    for name in ("memory.usage_in_bytes", "memory.current"):
        for counter in parent.glob(f"*/{name}"):
            try:
                most = max(most, int(counter.read_text()))
            except (OSError, ValueError):
                pass
    return most


def first_failure(report: Report) -> str:
    bad = [t for t in report.tests if t.verdict not in (Verdict.AC, Verdict.SKIPPED)]
    return f"{report.verdict.value}; {report.compile_error or ''} {bad[0].message if bad else ''}"


def first_run(report: Report) -> TestResult:
    """The first test that ran to a verdict other than AC (or the first test)."""
    return next((t for t in report.tests if t.verdict not in (Verdict.AC, Verdict.SKIPPED)), report.tests[0])
