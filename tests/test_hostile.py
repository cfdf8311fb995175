"""Attacks on the judge: each ends in bounded time, gets its verdict, and leaves no trace.

The solutions under tests/hostile/ attack the judge rather than solve can_shift.
Most answer correctly when their attack fails, so AC proves the attack found
nothing. They need full isolation (bubblewrap); without it they are skipped,
and CI installs bubblewrap so they always run there.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import time
from pathlib import Path

import pytest
from hostile_support import (
    BUDGET_S,
    CHALLENGE,
    HOSTILE,
    MEMORY_ATTACK_S,
    first_failure,
    judge,
    needs_isolation,
    rendered,
    survivors,
    templated,
)

from judge.model.verdict import Verdict
from judge.problems.problemset import builtin_root

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180), needs_isolation]


#: Attacks whose verdict alone shows the judge held: file -> the verdicts it may get.
SIMPLE = {
    "read_answers.py": {Verdict.AC},
    "read_env.py": {Verdict.AC},
    "fake_output.py": {Verdict.WA, Verdict.RE},
    "exit_at_import.py": {Verdict.CE},
    "os_exit_in_test.py": {Verdict.RE},
    "sys_exit_in_test.py": {Verdict.RE},
    "keyboard_interrupt.py": {Verdict.RE},
    "frozen_clocks.py": {Verdict.TLE},
    "sleeps.py": {Verdict.TLE},
    "busy_ignores_signals.py": {Verdict.TLE},
    "allocate_4gib.py": {Verdict.MLE},
    "segfault.py": {Verdict.RE},
    "unbounded_recursion.py": {Verdict.RE, Verdict.MLE},
    # The spinner burns CPU while the judge waits between tests, not inside the fast calls.
    "spinning_thread.py": {Verdict.AC, Verdict.TLE},
    "eq_always_true.py": {Verdict.WA},
    "huge_list.py": {Verdict.MLE},
}


@pytest.mark.parametrize(("name", "verdicts"), SIMPLE.items(), ids=list(SIMPLE))
def test_attack_gets_its_verdict(name: str, verdicts: set[Verdict], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUDGE_HOSTILE_SECRET", "operator-secret")
    report = judge(HOSTILE / name, budget_s=MEMORY_ATTACK_S if Verdict.MLE in verdicts else BUDGET_S)
    assert report.verdict in verdicts, first_failure(report)
    assert report.isolation is not None and report.isolation.isolated is True
    if "LEAK" in json.dumps(report.to_dict()):
        pytest.fail("the attack found something: " + first_failure(report))


def test_the_report_shows_the_fake_output_only_as_the_solution_s_prints() -> None:
    report = judge(HOSTILE / "fake_output.py")
    assert report.verdict is not Verdict.AC
    assert all(t.verdict is not Verdict.AC for t in report.tests if t.verdict is not Verdict.SKIPPED)


def test_no_process_survives_the_run() -> None:
    report = judge(HOSTILE / "forks_and_daemon.py")
    assert report.verdict is Verdict.AC, first_failure(report)
    deadline = time.monotonic() + 5
    while survivors("judge-hostile-survivor") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert survivors("judge-hostile-survivor") == []


def test_a_2_gib_flood_keeps_the_judge_and_report_small() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = judge(HOSTILE / "flood_output.py")
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert report.verdict in (Verdict.AC, Verdict.TLE), first_failure(report)
    assert grown_mib < 100
    assert len(json.dumps(report.to_dict())) < 1_000_000
    assert len(rendered(report)) < 1_000_000


def test_files_written_by_the_solution_do_not_appear(tmp_path: Path) -> None:
    host_dir = tmp_path / "visible"
    host_dir.mkdir()
    report = judge(templated(tmp_path, "write_files.py", HOST_DIR=host_dir))
    assert report.verdict is Verdict.AC, first_failure(report)
    for folder in ("/tmp", os.path.expanduser("~"), os.getcwd(), "/root", str(host_dir)):
        for name in ("judge-hostile-planted", "judge-hostile-link"):
            assert not os.path.lexists(os.path.join(folder, name)), f"{folder}/{name}"


def test_no_connection_reaches_a_loopback_listener(tmp_path: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listener.setblocking(False)
        port = listener.getsockname()[1]
        report = judge(templated(tmp_path, "connect_loopback.py", **{"PORT = 0": f"PORT = {port}"}))
        assert report.verdict is Verdict.AC, first_failure(report)
        with pytest.raises(BlockingIOError):
            listener.accept()


def test_the_judge_survives_being_killed(tmp_path: Path) -> None:
    values = {"JUDGE_PID = 0": f"JUDGE_PID = {os.getpid()}", "JUDGE_PGID = 0": f"JUDGE_PGID = {os.getpgrp()}"}
    report = judge(templated(tmp_path, "kill_judge.py", **values))
    # Still here to check: the solution may only have killed itself.
    assert report.verdict in (Verdict.AC, Verdict.RE), first_failure(report)
    assert report.total == len(CHALLENGE.tests)


def test_hidden_inputs_appear_in_neither_report() -> None:
    report = judge(HOSTILE / "leak_inputs.py", fail_fast=False)
    assert report.verdict is Verdict.RE
    texts = json.dumps(report.to_dict()), rendered(report)
    assert "INPUT" in texts[0], "sample tests do show their prints"
    names = " ".join(t.name for t in CHALLENGE.tests)
    for case in CHALLENGE.tests:
        if case.hidden:
            for arg in case.args:
                if isinstance(arg, str) and len(arg) >= 6 and arg[:40] not in names:
                    for text in texts:
                        assert repr(arg)[:40] not in text, case.name
                        assert arg[:40] not in text, case.name


def test_the_judge_still_works_afterwards() -> None:
    report = judge(Path(builtin_root()) / "solutions" / "can_shift" / "accepted" / "reference.py")
    assert report.verdict is Verdict.AC, first_failure(report)
