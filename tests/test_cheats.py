"""Cheats on the verdict: work or memory hidden outside the timed call, state kept between runs,
the problem set read from the sandbox, answers crafted to crash the judge, output that takes
over the terminal. Each attack is a real submission in tests/hostile/; each test asserts the
verdict and that the attack's effect is absent. They need full isolation (CI has it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hostile_support import (
    BUDGET_S,
    CGROUPS,
    CHALLENGE,
    HOSTILE,
    MEMORY_ATTACK_S,
    box_memory,
    boxed_processes,
    first_failure,
    judge,
    needs_isolation,
    rendered,
    templated,
)

from judge.judging.run import run_test
from judge.model.verdict import Verdict
from judge.problems.problemset import ProblemSet, builtin_root
from judge.problems.testcase import TestCase
from judge.runner import bwrap as bwrap_mod
from judge.runner import hidden
from judge.runner import sandbox as sandbox_mod
from judge.runner.child import LIMIT_SLACK
from judge.runner.harness import encode_call
from judge.runner.protocol import Status
from judge.runner.session import LOAD_MEMORY, MIB, Session

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180), needs_isolation]
REPO = Path(__file__).resolve().parent.parent


# -- time and memory that used to escape the budget --------------------------------------


TIME_CHEATS = ["work_in_recv.py", "work_in_profile_hook.py", "work_in_thread.py", "work_in_forks.py"]


@pytest.mark.parametrize("name", TIME_CHEATS)
def test_work_outside_the_call_is_charged(name: str) -> None:
    report = judge(HOSTILE / name)
    first = report.tests[0]
    if name == "work_in_forks.py" and not CGROUPS:
        assert first.verdict is Verdict.RE, first_failure(report)  # no cgroup: new processes are refused
    else:
        assert first.verdict is Verdict.TLE, first_failure(report)
        assert first.time_ms >= BUDGET_S * 1000 * 0.9, "the hidden work was not charged to the test"
    assert report.verdict is not Verdict.AC
    assert boxed_processes() == []


def test_work_while_the_input_is_handed_over_is_named() -> None:
    # A big input crosses in a request of its own (a small test is one request, whose
    # steps the judge does not tell apart): a limit hit there is named.
    session = Session(sandbox_mod.best_sandbox(), "can_shift", 256 << 20)
    try:
        assert session.load((HOSTILE / "work_in_recv.py").read_text(), cpu_backstop_s=30).done
        case = TestCase("big", hidden=False, args=["ab" * 4000, "ba" * 4000], expected=True)
        assert case.allowance.decode_s > 0, "the input is big enough to cross on its own"
        result = run_test(session, case, BUDGET_S, CHALLENGE)
    finally:
        session.close()
    assert result.verdict is Verdict.TLE
    assert "while its input was being handed over" in (result.message or "")


@pytest.mark.parametrize("name", ["memory_in_fork.py", "memory_in_memfd.py"])
def test_memory_outside_the_process_is_charged(name: str) -> None:
    if not CGROUPS and name == "memory_in_memfd.py":
        pytest.skip("without cgroups memfd memory is not seen (isolation.missing says so)")
    report = judge(HOSTILE / name, budget_s=MEMORY_ATTACK_S)
    first = report.tests[0]
    expected = Verdict.MLE if CGROUPS else Verdict.RE
    assert first.verdict is expected, first_failure(report)
    assert boxed_processes() == []


def test_the_honest_share_is_not_charged() -> None:
    # The reference on the biggest inputs: its charged time is about its own work, not the
    # decoding of 600 KB inputs and three round trips (a fraction of a millisecond).
    report = judge(builtin_root() / "solutions" / "can_shift" / "accepted" / "reference.py", budget_s=2.0)
    assert report.verdict is Verdict.AC, first_failure(report)
    assert max(t.time_ms for t in report.tests) < 100


# -- nothing survives a run ------------------------------------------------------------------


def _nobody_keys() -> int | None:
    """How many keys the sandbox uid owns, from the host's view (None when it is not 65534)."""
    if os.geteuid() != 0:
        return None
    for line in Path("/proc/key-users").read_text().splitlines():
        uid, _, rest = line.strip().partition(":")
        if uid == str(bwrap_mod.NOBODY):
            return int(rest.split()[1].split("/")[0])  # "usage nkeys/nikeys ..."
    return 0


def test_nothing_stored_in_one_run_reaches_the_next() -> None:
    keys = _nobody_keys()
    for _ in range(3):
        report = judge(HOSTILE / "state_across_runs.py")
        assert report.verdict is Verdict.AC, first_failure(report)  # a find would be raised as LEAK
    assert _nobody_keys() == keys, "a key was added to the sandbox uid's keyring"
    for folder in ("/tmp", "/dev/shm", os.path.expanduser("~")):
        assert not os.path.exists(os.path.join(folder, "judge-hostile-progress"))


# -- every problem set in use is unreadable ------------------------------------------------


@pytest.fixture
def bound_prefix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder the sandbox binds, as it binds /usr/lib or sys.prefix (a Docker image's /usr/src/app)."""
    prefix = tmp_path / "prefix"
    prefix.mkdir()
    os.chmod(tmp_path, 0o755)
    real = bwrap_mod.runtime_binds
    monkeypatch.setattr(bwrap_mod, "runtime_binds", lambda: [*real(), prefix])
    monkeypatch.setattr(hidden, "_registered", set(hidden._registered))
    sandbox_mod.probe.cache_clear()
    yield prefix
    sandbox_mod.probe.cache_clear()


def test_a_problem_set_under_a_bound_folder_is_unreadable(bound_prefix: Path, tmp_path: Path) -> None:
    root = bound_prefix / "app"
    for part in ("challenges", "solutions"):
        shutil.copytree(builtin_root() / part / "can_shift", root / part / "can_shift")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    challenge = ProblemSet(root, str(root)).challenge("can_shift")
    report = judge(templated(tmp_path, "read_problem_set.py", PROBLEM_SET_ROOT=root), challenge=challenge)
    assert report.verdict is Verdict.AC, first_failure(report)
    assert report.isolation is not None and report.isolation.isolated, report.isolation


# -- answers crafted to crash the judge --------------------------------------------------------


def _complete(report: object) -> None:
    """The run went on to the end, and both views of the report can be made."""
    assert len(report.tests) == len(CHALLENGE.tests)  # type: ignore[attr-defined]
    json.dumps(report.to_dict())  # type: ignore[attr-defined]
    rendered(report)  # type: ignore[arg-type]


def test_an_answer_nested_20000_deep_is_wa() -> None:
    report = judge(HOSTILE / "deep_answer.py")
    assert report.tests[0].verdict is Verdict.WA, first_failure(report)
    assert "nested" in (report.tests[0].message or "")
    _complete(report)


@pytest.mark.parametrize("name", ["forged_answers.py", "raw_frames.py", "hostile_exceptions.py"])
def test_crafted_replies_get_verdicts_and_the_run_goes_on(name: str) -> None:
    report = judge(HOSTILE / name, fail_fast=False)
    _complete(report)
    assert report.verdict is not Verdict.AC
    shown = [t for t in report.tests if not t.hidden and t.verdict is not Verdict.AC]
    assert shown and all(t.message for t in shown), "each failing sample says why"


@pytest.mark.parametrize(
    ("name", "words"),
    [("huge_answer.py", "larger than 32 MiB"), ("big_answer.py", "too large to check")],
)
def test_a_huge_answer_is_wa_and_the_judge_stays_small(name: str, words: str) -> None:
    script = (
        "import sys\n"
        "from hostile_support import judge\n"
        "report = judge(__import__('pathlib').Path(sys.argv[1]))\n"
        "print(report.tests[0].verdict.value, report.tests[0].message)\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}
    proc = subprocess.Popen([sys.executable, "-c", script, str(HOSTILE / name)], env=env, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    with proc.stdout:
        out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0 and out.startswith("WA") and words in out, out
    assert usage.ru_maxrss < 300 * 1024, f"the judge grew to {usage.ru_maxrss >> 10} MiB"


def test_a_child_that_stops_reading_cannot_block_the_judge() -> None:
    session = Session(sandbox_mod.best_sandbox(), "can_shift", 256 << 20)
    try:
        assert session.load((HOSTILE / "stops_reading.py").read_text(), cpu_backstop_s=30).done
        started = time.monotonic()
        run = session.run(encode_call(["x" * 4_000_000, "y" * 4_000_000], {}), 0.2)
        assert run.limit is not None and run.limit.status is Status.TIME, run
        assert time.monotonic() - started < 10
    finally:
        session.close()


# -- simple attacks: the verdict shows the judge held ------------------------------------------

#: file -> the verdicts it may get. A solution that finds something raises "LEAK ...".
SIMPLE = {
    "own_memory_error.py": {Verdict.RE},
    "raise_memory_error.py": {Verdict.RE},
    "kernel_surfaces.py": {Verdict.AC},
    "snoop_processes.py": {Verdict.AC},
    "closes_channel.py": {Verdict.RE},
    # As pid 1 of its namespace, the solution cannot even stop itself; if it could, TLE.
    "stops_itself.py": {Verdict.TLE, Verdict.AC},
    # Its own loading breaks (the harness's encoder is replaced at import): CE, or later RE/WA/TLE.
    "tampered_modules.py": {Verdict.CE, Verdict.RE, Verdict.WA, Verdict.TLE},
    # A million digits: slow to write (charged: TLE), and refused by the judge's own guard.
    "huge_int.py": {Verdict.WA, Verdict.TLE},
    "fork_bomb.py": {Verdict.TLE, Verdict.RE},
    "thread_bomb.py": {Verdict.TLE, Verdict.RE},
}


@pytest.mark.parametrize(("name", "verdicts"), SIMPLE.items(), ids=list(SIMPLE))
def test_attack_gets_its_verdict(name: str, verdicts: set[Verdict]) -> None:
    report = judge(HOSTILE / name)
    assert report.verdict in verdicts, first_failure(report)
    assert "LEAK" not in json.dumps(report.to_dict()), first_failure(report)
    assert boxed_processes() == []


@pytest.mark.skipif(not CGROUPS, reason="the ceiling is the cgroup's")
def test_memory_kept_from_test_to_test_never_passes_the_ceiling() -> None:
    seen = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen[0] = max(seen[0], box_memory())
            time.sleep(0.01)

    few = ProblemSet(builtin_root(), "built-in").challenge("can_shift")
    few.__dict__["tests"] = CHALLENGE.tests[:4]  # enough to reach the ceiling once
    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        report = judge(HOSTILE / "hoard_memory.py", fail_fast=False, budget_s=MEMORY_ATTACK_S, challenge=few)
    finally:
        done.set()
        watcher.join()
    ceiling = LOAD_MEMORY + int(CHALLENGE.config.limits.memory_mib * MIB) + LIMIT_SLACK
    assert seen[0] > 1 << 30, "the attack did hoard"
    assert seen[0] <= ceiling, f"the tree held {seen[0] >> 20} MiB"
    assert len(report.tests) == 4


def test_lifting_the_limits_fails_and_memory_is_still_bounded() -> None:
    report = judge(HOSTILE / "raise_limits.py", budget_s=MEMORY_ATTACK_S)
    assert report.verdict is Verdict.MLE, first_failure(report)


# -- smaller leaks -----------------------------------------------------------------------------


def test_terminal_escapes_in_output_are_shown_escaped() -> None:
    report = judge(HOSTILE / "terminal_escapes.py")
    assert report.verdict is Verdict.RE
    text = rendered(report)
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\r"):
        assert raw not in text, repr(raw)
    assert "\\x1b]52;c;cHduZWQ=" in text and "\\u202e" in text


def test_hidden_memory_is_coarse() -> None:
    report = judge(HOSTILE / "memory_channel.py", fail_fast=False, budget_s=MEMORY_ATTACK_S)
    powers = {0} | {1024 << k for k in range(20)}
    hidden_memory = [t.memory_kib for t in report.tests if t.hidden and t.verdict is Verdict.AC]
    assert hidden_memory and set(hidden_memory) <= powers, hidden_memory
