"""The isolation level: proven by a probe, reported in both views, enforced by --require-isolation."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
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
from judge.runner import bwrap as bwrap_mod
from judge.runner import cgroup, hidden
from judge.runner import sandbox as sandbox_mod
from judge.runner.sandbox import BwrapSandbox, ProcessSandbox

CHALLENGE = ProblemSet(builtin_root(), "built-in").challenge("can_shift")
REFERENCE = builtin_root() / "solutions" / "can_shift" / "accepted" / "reference.py"
NOT_ISOLATED = Isolation("process", False, ["namespaces: the test says so"], ["own session"])
ISOLATED = sandbox_mod.probe().isolated
needs_bwrap = pytest.mark.skipif(not ISOLATED, reason="needs bubblewrap")


@pytest.fixture
def fresh_probe(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Probe again under the test's conditions, and again afterwards for the next test."""
    monkeypatch.setattr(hidden, "_registered", set(hidden._registered))  # forget the test's roots after
    sandbox_mod.probe.cache_clear()
    yield
    sandbox_mod.probe.cache_clear()


@pytest.fixture
def no_bwrap(monkeypatch: pytest.MonkeyPatch, fresh_probe: None) -> None:
    """A machine without bubblewrap anywhere: the probe must fall back, and say why."""
    real = sandbox_mod.find_tool
    monkeypatch.setattr(sandbox_mod, "find_tool", lambda name: None if name == "bwrap" else real(name))


def test_without_bubblewrap_the_judge_falls_back_and_says_why(no_bwrap: None) -> None:
    sandbox = sandbox_mod.best_sandbox()
    assert type(sandbox) is ProcessSandbox
    assert sandbox.isolation.isolated is False
    assert any("bubblewrap is not installed" in m for m in sandbox.isolation.missing)


@pytest.mark.skipif(not Path("/usr/bin/bwrap").exists(), reason="bubblewrap is not at /usr/bin/bwrap")
def test_bubblewrap_is_found_at_its_fixed_path_when_path_lacks_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # A cron job or CI runner whose $PATH has no /usr/bin must not run unisolated.
    monkeypatch.setenv("PATH", "/nonexistent")
    assert bwrap_mod.find_tool("bwrap") == "/usr/bin/bwrap"
    assert bwrap_mod.find_tool("no-such-tool-judge") is None


def test_a_failing_probe_means_process_level(monkeypatch: pytest.MonkeyPatch, fresh_probe: None) -> None:
    real = sandbox_mod._prove

    def prove(plan: sandbox_mod.Plan, secrets: frozenset[Path]) -> tuple[bool, str, list[str]]:
        if plan.bwrap is not None:
            return False, "host processes are visible", []
        return real(plan, secrets)

    monkeypatch.setattr(sandbox_mod, "_prove", prove)
    isolation = sandbox_mod.probe()
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
        "cgroup": None,
        "seccomp": "off",
        "features": ["own session"],
        "missing": ["namespaces: the test says so"],
    }
    out = io.StringIO()
    render.report(report, Console(file=out, width=200, color_system=None))
    assert "NOT isolated: namespaces: the test says so" in out.getvalue()


@pytest.mark.parametrize("command", ["run", "test"])
def test_require_isolation_exits_2_without_it(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    choice = sandbox_mod.Choice(sandbox_mod.Plan(None, None, None, None), NOT_ISOLATED)
    monkeypatch.setattr(sandbox_mod, "_choose", lambda secrets: choice)
    result = CliRunner().invoke(cli, [command, "can_shift", str(REFERENCE), "--require-isolation", "--json"])
    assert result.exit_code == 2
    assert "full isolation is not available (namespaces: the test says so)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
@needs_bwrap
def test_with_bubblewrap_the_json_report_names_the_level_cgroup_and_filter() -> None:
    result = CliRunner().invoke(cli, ["run", "can_shift", str(REFERENCE), "--require-isolation", "--json"])
    assert result.exit_code == 0, result.output
    isolation = json.loads(result.stdout)["isolation"]
    assert isolation["level"] == "bubblewrap" and isolation["isolated"] is True
    assert isinstance(sandbox_mod.best_sandbox(), BwrapSandbox)
    support = cgroup.detect()
    if isinstance(support, cgroup.Support):
        # This machine (and CI) offers cgroups: nothing may be missing.
        assert isolation["cgroup"] == support.version and isolation["seccomp"] == "on"
        assert isolation["missing"] == []
    else:
        assert isolation["cgroup"] is None and isolation["seccomp"] == "on, no new processes"
        assert any(m.startswith("cgroups: ") and support in m for m in isolation["missing"])


@needs_bwrap
def test_the_sandbox_root_holds_no_judge_package_and_no_whole_host() -> None:
    argv = sandbox_mod.bwrap_argv("bwrap", as_root=True, info_fd=9)
    pairs = list(zip(argv, argv[1:], strict=False))
    bound = [Path(b) for a, b in pairs if a in ("--ro-bind", "--bind")]
    assert Path("/") not in bound and Path("/usr") not in bound, "bind only what the runtime needs"
    for flag in ("--unshare-pid", "--unshare-net", "--die-with-parent", "--new-session", "--clearenv", "--as-pid-1"):
        assert flag in argv
    masked = {Path(b) for a, b in pairs if a == "--tmpfs"}
    package = Path(sandbox_mod.__file__).resolve().parent.parent
    if any(b == package or b in package.parents for b in bound):
        assert package in masked


# -- every problem set in use is hidden, wherever it lies --------------------------


def _problem_set(root: Path) -> Path:
    """A problem set with a secret hidden test, in a git checkout."""
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    tests = root / "challenges" / "secret" / "tests"
    tests.mkdir(parents=True)
    (tests / "hidden.json").write_text('[{"args": ["the-hidden-input"], "expected": true}]')
    os.chmod(root.parent, 0o755)
    return root


@pytest.fixture
def bound_prefix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_probe: None) -> Path:
    """A folder the sandbox binds (as it binds /usr/lib or sys.prefix), with a problem set inside."""
    prefix = tmp_path / "prefix"
    prefix.mkdir()
    os.chmod(tmp_path, 0o755)
    real = bwrap_mod.runtime_binds
    monkeypatch.setattr(bwrap_mod, "runtime_binds", lambda: [*real(), prefix])
    return prefix


@needs_bwrap
def test_a_problem_set_under_a_bound_folder_is_masked_with_its_checkout(bound_prefix: Path) -> None:
    root = _problem_set(bound_prefix / "src" / "app")
    hidden.hide(root)
    isolation = sandbox_mod.probe()
    assert isolation.isolated, isolation.missing
    argv = sandbox_mod.bwrap_argv("bwrap", as_root=True, info_fd=9)
    # The whole checkout is covered, so .git goes with the problem set.
    assert ("--tmpfs", str(root)) in list(zip(argv, argv[1:], strict=False))


@needs_bwrap
def test_the_probe_finds_a_problem_set_left_readable(bound_prefix: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _problem_set(bound_prefix / "problems")
    hidden.hide(root)
    monkeypatch.setattr(hidden, "masks", lambda binds, secrets=None: [])  # a sandbox that forgets to mask
    isolation = sandbox_mod.probe()
    assert not isolation.isolated
    assert any("the sandbox can read" in m and str(root) in m for m in isolation.missing), isolation.missing


@needs_bwrap
def test_a_child_started_before_a_problem_set_appeared_is_not_used(tmp_path: Path, fresh_probe: None) -> None:
    from judge.runner.session import Session

    session = Session(sandbox_mod.best_sandbox(), "can_shift", 256 << 20, repeat=False)
    try:
        session.spawn()
        early = session._spare
        hidden.hide(tmp_path / "a-new-problem-set")  # registered after the spare started
        assert session.load(REFERENCE.read_text(), cpu_backstop_s=30).done
        assert session.child is not early, "the spare's sandbox does not mask the new problem set"
        assert early is not None and not early.alive
    finally:
        session.close()


@needs_bwrap
def test_without_cgroups_new_processes_are_refused_and_the_report_says_why(
    monkeypatch: pytest.MonkeyPatch, fresh_probe: None
) -> None:
    monkeypatch.setattr(cgroup, "detect", lambda: "cannot create /sys/fs/cgroup/x (simulated by the test)")
    isolation = sandbox_mod.probe()
    assert isolation.level == "bubblewrap" and isolation.isolated, isolation.missing
    assert isolation.cgroup is None and isolation.seccomp == "on, no new processes"
    assert isolation.missing == [
        "cgroups: cannot create /sys/fs/cgroup/x (simulated by the test); new processes are refused instead (seccomp)"
    ]
    sandbox = sandbox_mod.best_sandbox()
    assert sandbox.cgroups is None and sandbox.seccomp is not None
    report = judge(
        CHALLENGE,
        Source.from_path(Path(__file__).parent / "hostile" / "work_in_forks.py"),
        Options(budgets={t.name: 0.5 for t in CHALLENGE.tests}, sandbox=sandbox, fail_fast=True),
    )
    assert report.verdict.value == "RE" and "Operation not permitted" in (report.tests[0].message or "")
