"""The isolation level: proven by a probe, reported in both views, enforced by --require-isolation."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from judge.cli import cli
from judge.cli import views as render
from judge.judging.engine import Options, judge
from judge.model.report import Isolation
from judge.model.source import Source
from judge.problems.problemset import ProblemSet, builtin_root
from judge.runner import sandbox as sandbox_mod
from judge.runner.sandbox import BwrapSandbox, ProcessSandbox

CHALLENGE = ProblemSet(builtin_root(), "built-in").challenge("can_shift")
REFERENCE = builtin_root() / "solutions" / "can_shift" / "accepted" / "reference.py"
NOT_ISOLATED = Isolation("process", False, ["namespaces: the test says so"], ["own session"])


@pytest.fixture
def no_bwrap(monkeypatch: pytest.MonkeyPatch):
    """A machine without bubblewrap: the probe must fall back, and say why."""
    real_which = sandbox_mod.shutil.which
    monkeypatch.setattr(sandbox_mod.shutil, "which", lambda name: None if name == "bwrap" else real_which(name))
    sandbox_mod.probe.cache_clear()
    yield
    sandbox_mod.probe.cache_clear()


def test_without_bubblewrap_the_judge_falls_back_and_says_why(no_bwrap: None) -> None:
    sandbox = sandbox_mod.best_sandbox()
    assert type(sandbox) is ProcessSandbox
    assert sandbox.isolation.isolated is False
    assert any("bubblewrap is not installed" in m for m in sandbox.isolation.missing)


def test_a_failing_probe_means_process_level(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox_mod, "_probe_bwrap", lambda bwrap, setpriv: (False, "host processes are visible"))
    monkeypatch.setattr(sandbox_mod.shutil, "which", lambda name: f"/usr/bin/{name}")
    sandbox_mod.probe.cache_clear()
    try:
        isolation = sandbox_mod.probe()
    finally:
        sandbox_mod.probe.cache_clear()
    assert isolation.level == "process" and not isolation.isolated
    assert "host processes are visible" in isolation.missing


def test_the_process_level_still_judges_and_both_reports_say_not_isolated() -> None:
    sandbox = ProcessSandbox(NOT_ISOLATED)
    budgets = {t.name: 2.0 for t in CHALLENGE.tests}
    report = judge(CHALLENGE, Source.from_path(REFERENCE), Options(budgets=budgets, sandbox=sandbox))
    assert report.verdict.value == "AC"
    assert report.to_dict()["isolation"] == {
        "level": "process",
        "isolated": False,
        "features": ["own session"],
        "missing": ["namespaces: the test says so"],
    }
    out = io.StringIO()
    render.report(report, Console(file=out, width=200, color_system=None))
    assert "NOT isolated: namespaces: the test says so" in out.getvalue()


@pytest.mark.parametrize("command", ["run", "test"])
def test_require_isolation_exits_2_without_it(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.setattr(sandbox_mod, "probe", lambda: NOT_ISOLATED)
    result = CliRunner().invoke(cli, [command, "can_shift", str(REFERENCE), "--require-isolation", "--json"])
    assert result.exit_code == 2
    assert "full isolation is not available (namespaces: the test says so)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
@pytest.mark.skipif(not sandbox_mod.probe().isolated, reason="needs bubblewrap")
def test_with_bubblewrap_the_json_report_names_the_level() -> None:
    result = CliRunner().invoke(cli, ["run", "can_shift", str(REFERENCE), "--require-isolation", "--json"])
    assert result.exit_code == 0, result.output
    isolation = json.loads(result.stdout)["isolation"]
    assert isolation["level"] == "bubblewrap" and isolation["isolated"] is True
    assert isinstance(sandbox_mod.best_sandbox(), BwrapSandbox)


@pytest.mark.skipif(not sandbox_mod.probe().isolated, reason="needs bubblewrap")
def test_the_sandbox_root_holds_no_judge_package_and_no_whole_host() -> None:
    argv = sandbox_mod.bwrap_argv("bwrap", as_root=True, info_fd=9)
    pairs = list(zip(argv, argv[1:], strict=False))
    assert ("--ro-bind", "/") not in pairs and ("--bind", "/") not in pairs
    for flag in ("--unshare-pid", "--unshare-net", "--die-with-parent", "--new-session", "--clearenv", "--as-pid-1"):
        assert flag in argv
    bound = [Path(b) for a, b in pairs if a in ("--ro-bind", "--bind")]
    masked = {Path(b) for a, b in pairs if a == "--tmpfs"}
    package = Path(sandbox_mod.__file__).resolve().parent.parent
    if any(b == package or b in package.parents for b in bound):
        assert package in masked
