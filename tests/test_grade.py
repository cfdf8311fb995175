"""judge grade: a gradebook from a folder of submissions, crash-safe and resumable."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from judge.cli import cli
from judge.grading.backends import WORKER_DIED, LocalPool
from judge.grading.gradebook import ERROR, Gradebook, Row, Scorer, grade
from judge.grading.submissions import collect
from judge.model.errors import ChallengeError, JudgeError
from judge.model.report import Report
from judge.model.report import TestResult as Result
from judge.model.scoring import score
from judge.model.verdict import Verdict
from judge.problems.config import load_config
from judge.problems.problemset import ProblemSet, builtin_root
from judge.runner.sandbox import probe

REPO = Path(__file__).resolve().parent.parent
SOLUTIONS = REPO / "solutions" / "can_shift"
CAN_SHIFT = ProblemSet(builtin_root(), "built-in").challenge("can_shift")
TIMING = set(Row.TIMING)
#: Grading needs full isolation; where this machine has none, the tests grade anyway, saying so.
ANY_ISOLATION = [] if probe().isolated else ["--allow-unisolated"]


def _row(name: str, **kw: object) -> Row:
    values: dict[str, object] = dict(
        submission=name,
        sha256="s" + name,
        challenge="c",
        version="v",
        verdict="AC",
        passed=3,
        total=3,
        score=1.0,
        time_ms=1.5,
        memory_kib=10,
        time_vs_reference=None,
        error=None,
    )
    values.update(kw)
    return Row(**values)  # type: ignore[arg-type]


def _report(verdicts: dict[str, tuple[bool, Verdict]]) -> Report:
    tests = [Result(name=n, hidden=h, verdict=v) for n, (h, v) in verdicts.items()]
    return Report("c", "x.py", Verdict.WA, tests)


# -- scoring and the config ---------------------------------------------------


def test_score_is_the_fraction_of_hidden_tests_passed() -> None:
    report = _report(
        {
            "sample": (False, Verdict.WA),
            "a": (True, Verdict.AC),
            "b": (True, Verdict.AC),
            "huge-1": (True, Verdict.TLE),
            "huge-2": (True, Verdict.AC),
        }
    )
    assert score(report, {}) == 0.75
    # Weights by test-name prefix, the longest prefix winning; samples never count.
    assert score(report, {"huge-": 3.0, "huge-2": 0.0}) == pytest.approx(2 / 5)


def test_grading_weights_are_parsed_strictly(tmp_path: Path) -> None:
    base = 'title = "t"\nfunction = "f"\nsignature = "f()"\n'
    path = tmp_path / "challenge.toml"
    path.write_text(base + '[grading]\nweights = { "huge-" = 2, "scale-" = 0.5 }\n')
    assert load_config(path).grading.weights == {"huge-": 2.0, "scale-": 0.5}
    path.write_text(base + '[grading]\nweights = { "huge-" = -1 }\n')
    with pytest.raises(ChallengeError, match="grading.weights"):
        load_config(path)
    path.write_text(base + "[grading]\nweight = 2\n")
    with pytest.raises(ChallengeError, match="did you mean 'weights'"):
        load_config(path)


# -- the gradebook file -------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_gradebook_round_trips_and_resumes(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"grades{suffix}"
    book = Gradebook(path, "c")
    book.add(_row("b.py", time_vs_reference=2.5))
    book.add(_row("a.py", verdict=ERROR, error='boom, "quoted"\nline'))
    again = Gradebook(path, "c")
    assert again.rows == book.rows
    sub = type("S", (), {"name": "b.py", "sha256": "sb.py"})()
    assert again.graded(sub, "v")  # type: ignore[arg-type]
    assert not again.graded(sub, "other-version")  # type: ignore[arg-type]
    errored = type("S", (), {"name": "a.py", "sha256": "sa.py"})()
    assert not again.graded(errored, "v")  # type: ignore[arg-type]  - judge errors are retried


def test_a_torn_last_line_is_dropped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "grades.jsonl"
    Gradebook(path, "c").add(_row("a.py"))
    with open(path, "a") as f:
        f.write('{"submission": "b.py", "sha')  # a crash in the middle of a write
    book = Gradebook(path, "c")
    assert list(book.rows) == ["a.py"]
    book.add(_row("c.py"))
    assert [json.loads(line)["submission"] for line in path.read_text().splitlines()] == ["a.py", "c.py"]


def test_gradebook_needs_a_known_format(tmp_path: Path) -> None:
    with pytest.raises(JudgeError, match=r"\.csv or \.jsonl"):
        Gradebook(tmp_path / "grades.xlsx", "c")


def test_grade_command_user_mistakes_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["grade", "can_shift", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no such folder" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["grade", "can_shift", str(tmp_path), "--out", str(tmp_path / "g.txt")])
    assert result.exit_code == 2 and ".csv or .jsonl" in result.output


# -- never destroy data ---------------------------------------------------------


def _grade(folder: Path, out: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["grade", "can_shift", str(folder), "--out", str(out), *args, *ANY_ISOLATION])
    return result.exit_code, result.output


def _refused_class(tmp_path: Path) -> Path:
    """A class whose one submission is refused (a link): grading it judges nothing, in a moment."""
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "link.py").symlink_to(SOLUTIONS / "accepted" / "reference.py")
    return folder


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("roster.csv", b"name,email\nAda,ada@example.org\nAlan,alan@example.org\n"),
        ("roster.jsonl", b'{"name": "Ada", "email": "ada@example.org"}\n'),
        ("notes.csv", b"just some notes, not a table\n"),
        ("binary.csv", b"\xff\xfe\x00\x01"),
    ],
)
def test_a_file_that_is_not_a_gradebook_is_never_replaced(tmp_path: Path, name: str, data: bytes) -> None:
    out = tmp_path / name
    out.write_bytes(data)
    before = out.read_bytes()
    code, output = _grade(_refused_class(tmp_path), out)
    assert code == 2 and "is not a gradebook" in output and "--force" in output and "Traceback" not in output
    assert len(output.strip().splitlines()) == 1
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no lock or temporary file left


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_the_gradebook_of_another_challenge_is_never_replaced(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"fb{suffix}"
    book = Gradebook(out, "find_bigrams")
    for i in range(12):
        book.add(_row(f"s{i:02d}.py", challenge="find_bigrams"))
    before = out.read_bytes()
    code, output = _grade(_refused_class(tmp_path), out)
    assert code == 2 and "is the gradebook of 'find_bigrams', not 'can_shift'" in output and "--force" in output
    assert out.read_bytes() == before
    assert len(Gradebook(out, "find_bigrams").rows) == 12


def test_force_replaces_and_the_same_challenge_resumes(tmp_path: Path) -> None:
    out = tmp_path / "roster.csv"
    out.write_text("name,email\nAda,ada@example.org\n")
    folder = _refused_class(tmp_path)
    code, output = _grade(folder, out, "--force")
    assert code == 0, output
    assert list(Gradebook(out, "can_shift").rows) == ["link.py"]
    code, output = _grade(folder, out)  # a gradebook of can_shift: opened and kept
    assert code == 0 and list(Gradebook(out, "can_shift").rows) == ["link.py"]
    code, output = _grade(folder, tmp_path / "new" / "folder" / "grades.jsonl")  # its folder is made
    assert code == 0, output


def test_a_broad_glob_never_takes_the_graders_own_files_for_submissions(tmp_path: Path) -> None:
    folder = _refused_class(tmp_path)
    out = folder / "grades.jsonl"  # the gradebook (and its lock) inside the graded folder
    for _ in range(2):  # the second run finds the gradebook there, and resumes
        code, output = _grade(folder, out, "--glob", "*")
        assert code == 0, output
        assert list(Gradebook(out, "can_shift").rows) == ["link.py"]


def test_an_empty_file_and_a_gradebook_of_an_older_judge_are_gradebooks(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert Gradebook(empty, "can_shift").rows == {}
    old = tmp_path / "old.csv"  # the columns of the first gradebooks, before isolation and feedback
    old.write_text(
        "submission,sha256,challenge,version,verdict,passed,total,score,time_ms,memory_kib,time_vs_reference,error\n"
        "a.py,abc,can_shift,v1,WA,3,37,0.5,1.5,10,,\n"
    )
    row = Gradebook(old, "can_shift").rows["a.py"]
    assert row.verdict == "WA" and row.score == 0.5 and row.isolated is False
    sub = type("S", (), {"name": "a.py", "sha256": "abc"})()
    assert Gradebook(old, "can_shift").graded(sub, "v1")  # type: ignore[arg-type]
    assert not Gradebook(old, "can_shift").graded(sub, "v1", isolated=True)  # type: ignore[arg-type]


def test_a_gradebook_in_use_is_not_written_by_a_second_grader(tmp_path: Path) -> None:
    out = tmp_path / "grades.csv"
    holder = Gradebook(out, "can_shift")
    holder.add(_row("a.py", challenge="can_shift"))
    before = out.read_bytes()
    holder.lock()
    try:
        code, output = _grade(_refused_class(tmp_path), out)
        assert code == 2 and "another 'judge grade' is writing" in output
        assert out.read_bytes() == before
    finally:
        holder.unlock()
    assert not (tmp_path / ".grades.csv.lock").exists()


def test_feedback_never_replaces_files_that_are_not_this_challenges_feedback(tmp_path: Path) -> None:
    folder = _refused_class(tmp_path)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "link.md").write_text("my own notes\n")
    code, output = _grade(folder, tmp_path / "g.csv", "--feedback", str(mine))
    assert code == 2 and "holds other files" in output and (mine / "link.md").read_text() == "my own notes\n"
    code, output = _grade(folder, tmp_path / "g.csv", "--feedback", str(folder / "fb"))
    assert code == 2 and "inside the submissions folder" in output and not (folder / "fb").exists()
    other = tmp_path / "fb-other"
    other.mkdir()
    (other / ".judge-feedback.json").write_text('{"challenge": "find_bigrams"}')
    (other / "link.md").write_text("find_bigrams feedback\n")
    code, output = _grade(folder, tmp_path / "g.csv", "--feedback", str(other))
    assert code == 2 and "feedback of 'find_bigrams'" in output
    assert (other / "link.md").read_text() == "find_bigrams feedback\n"
    fresh = tmp_path / "fb"
    code, output = _grade(folder, tmp_path / "g.csv", "--feedback", str(fresh))
    assert code == 0, output
    assert "not judged" in (fresh / "link.md").read_text()
    code, output = _grade(folder, tmp_path / "g.csv", "--feedback", str(fresh), "--format", "junit")
    assert code == 0 and (fresh / "link.junit.xml").is_file()  # the same folder, another format


def test_grade_option_mistakes_are_one_line(tmp_path: Path) -> None:
    folder = _refused_class(tmp_path)
    code, output = _grade(folder, tmp_path / "g.csv", "--format", "junit")
    assert code == 2 and "add --feedback DIR" in output
    feedback = ["--feedback", str(tmp_path / "f")]
    code, output = _grade(folder, tmp_path / "g.csv", *feedback, "--hidden-visibility", "hidden")
    assert code == 2 and "only to --format gradescope" in output
    code, output = _grade(folder, tmp_path / "g.csv", "--glob", "../*.py")
    assert code == 2 and "must stay inside" in output
    assert not (tmp_path / "g.csv").exists()


# -- a worker that dies costs one submission ----------------------------------


def judge_or_die(name: str, data: bytes) -> Report:
    """Stands in for the judge in a pool worker: dies on a 'crash' submission."""
    if name.startswith("crash"):
        os._exit(9)
    return Report("can_shift", name, Verdict.AC, [Result("t", True, Verdict.AC)])


@pytest.mark.timeout(120)
def test_a_worker_that_dies_costs_only_its_submission(tmp_path: Path) -> None:
    for name in ("a", "b", "crash1", "c", "d", "crash2", "e"):
        (tmp_path / f"{name}.py").write_text(f"# {name}\n")
    subs = collect(tmp_path)
    book = Gradebook(tmp_path / "out" / "grades.csv", "can_shift")
    pool = LocalPool(CAN_SHIFT, {}, jobs=2, fn=judge_or_die)
    summary = grade(subs, Scorer("can_shift", "v"), pool, book)
    rows = {r.submission: r for r in summary.rows}
    assert len(rows) == 7
    assert {n for n, r in rows.items() if r.error} == {"crash1.py", "crash2.py"}
    assert all(rows[n].error == WORKER_DIED and rows[n].verdict == ERROR for n in ("crash1.py", "crash2.py"))
    assert all(r.verdict == "AC" and r.score == 1.0 for n, r in rows.items() if not n.startswith("crash"))


# -- a real class -------------------------------------------------------------

HOSTILE = {
    # Prints what a judge might print for a pass, then answers wrong.
    "fake_results.py": "def can_shift(a, b):\n    print('AC 37/37 passed')\n    print('{\"verdict\": \"AC\"}')\n"
    "    return True\n",
    # Ends the process at import: the solution never loads.
    "exit_at_import.py": "import os\nos._exit(0)\n",
    # Ends its process in the middle of a test.
    "exit_in_call.py": "import os\ndef can_shift(a, b):\n    os._exit(0)\n",
    # Kills the judge's worker (its parent) where the sandbox lets it see its parent.
    "kill_parent.py": "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"
    "def can_shift(a, b):\n    return True\n",
    "syntax_error.py": "def can_shift(a, b)\n    return True\n",
}


def _class_folder(folder: Path) -> None:
    folder.mkdir()
    for src, name in [
        (SOLUTIONS / "accepted" / "kmp.py", "alice.py"),
        (SOLUTIONS / "accepted" / "reference.py", "bob.py"),
        (SOLUTIONS / "wrong_answer" / "same_letters.py", "carol.py"),
        (SOLUTIONS / "time_limit_exceeded" / "rotate_deque.py", "dave.py"),
        (SOLUTIONS / "runtime_error" / "recursive_rotate.py", "erin.py"),
    ]:
        shutil.copy(src, folder / name)
    for name, text in HOSTILE.items():
        (folder / name).write_text(text)
    (folder / "notes.txt").write_text("not a submission")


def _rows(path: Path) -> dict[str, dict[str, object]]:
    return {r["submission"]: r for r in map(json.loads, path.read_text().splitlines())}


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_grading_a_mixed_class_checks_every_row(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    _class_folder(folder)
    out = tmp_path / "grades.jsonl"
    result = CliRunner().invoke(
        cli, ["grade", "can_shift", str(folder), "--out", str(out), "--jobs", "2", *ANY_ISOLATION]
    )
    assert result.exit_code == 0, result.output
    rows = _rows(out)
    assert sorted(rows) == sorted([*HOSTILE, "alice.py", "bob.py", "carol.py", "dave.py", "erin.py"])
    level = _sandbox_level()
    for row in rows.values():
        assert row["challenge"] == "can_shift" and row["version"] == CAN_SHIFT.digest
        assert len(str(row["sha256"])) == 64
        assert row["isolation"] == level and row["isolated"] is (level != "process"), row  # in every row

    def check(name: str, verdict: str, score: object = None) -> None:
        row = rows[name]
        assert row["verdict"] == verdict, (name, row)
        if score is not None:
            assert row["score"] == score, (name, row)

    for name in ("alice.py", "bob.py"):
        check(name, "AC", 1.0)
        assert rows[name]["passed"] == rows[name]["total"] == len(CAN_SHIFT.tests)
        assert rows[name]["time_vs_reference"] is not None and rows[name]["error"] is None
    check("carol.py", "WA")
    check("dave.py", "TLE")
    check("erin.py", "RE")
    for name in ("carol.py", "dave.py", "erin.py"):
        assert 0 < rows[name]["score"] < 1  # type: ignore[operator]
        # A wrong, killed or crashed run's time is no speed: no ratio to the reference.
        assert rows[name]["time_vs_reference"] is None
        assert rows[name]["passed"] < rows[name]["total"] == len(CAN_SHIFT.tests)  # type: ignore[operator]
    check("fake_results.py", "WA")
    check("exit_in_call.py", "RE", 0.0)
    check("exit_at_import.py", "CE", 0.0)
    check("syntax_error.py", "CE", 0.0)
    # Why each did not pass: the first failing test (named when it is a sample) and the one-line error.
    assert rows["syntax_error.py"]["detail"] == "SyntaxError: expected ':' (line 1)"
    assert rows["carol.py"]["failed_test"] in ("(hidden)", *(t.name for t in CAN_SHIFT.tests if not t.hidden))
    assert rows["erin.py"]["detail"].startswith("RecursionError") or rows["erin.py"]["failed_test"] == "(hidden)"
    assert rows["alice.py"]["failed_test"] == "" and rows["alice.py"]["detail"] == ""
    killer = rows["kill_parent.py"]
    if _sandbox_level() == "process":  # the parent it sees is the worker: the worker dies
        assert killer["verdict"] == ERROR and killer["error"] == WORKER_DIED
    else:
        assert killer["verdict"] != "AC"
    assert "submissions" in result.output and "judged 10" in result.output


def _sandbox_level() -> str:
    from judge.runner.sandbox import best_sandbox

    return best_sandbox().isolation.level


# -- killed midway, then resumed ----------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), **extra)
    return env


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_killed_midway_then_resumed_judges_nothing_twice_and_loses_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    sources = [SOLUTIONS / "accepted" / "reference.py", SOLUTIONS / "wrong_answer" / "same_letters.py"]
    names = [f"student{i:02d}.py" for i in range(12)]
    for i, name in enumerate(names):
        (folder / name).write_text(sources[i % 2].read_text() + f"# {name}\n")
    out, trace = tmp_path / "grades.csv", tmp_path / "trace.log"
    argv = [sys.executable, "-m", "judge", "grade", "can_shift", str(folder), "--out", str(out), "--jobs", "2"]
    argv += ANY_ISOLATION
    env = _env(JUDGE_GRADE_TRACE=str(trace))
    # Calibrate first, so the kill lands in the middle of judging rather than of calibrating.
    subprocess.run(
        [sys.executable, "-m", "judge", "run", "can_shift", str(folder / names[0]), "--json"],
        env=env,
        capture_output=True,
        timeout=300,
    )

    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and len(Gradebook(out, "can_shift").rows) >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the grader finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    before = Gradebook(out, "can_shift").rows  # whatever was written survived the kill, readable
    assert 3 <= len(before) < len(names)
    started_before = trace.read_text().splitlines()

    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"already graded {len(before)}" in done.stdout
    after = Gradebook(out, "can_shift").rows
    assert sorted(after) == names  # nothing lost
    for name, row in before.items():
        assert after[name] == row  # rows kept as they were...
    started = trace.read_text().splitlines()
    resumed = started[len(started_before) :]
    assert not set(resumed) & set(before)  # ...and never judged again
    assert sorted(resumed) == sorted(set(names) - set(before))
    assert all(row.verdict == ("AC" if int(name[7:9]) % 2 == 0 else "WA") for name, row in after.items())


# -- a real Dask cluster on loopback ------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_workers(address: str, n: int, timeout: float) -> None:
    from distributed import Client

    with Client(address, timeout="30s") as client:
        client.wait_for_workers(n, timeout=timeout)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_dask_cluster_gives_the_same_gradebook_as_the_local_pool(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    folder = tmp_path / "class"
    folder.mkdir()
    for src, name in [
        (SOLUTIONS / "accepted" / "kmp.py", "alice.py"),
        (SOLUTIONS / "wrong_answer" / "same_letters.py", "carol.py"),
        (SOLUTIONS / "runtime_error" / "recursive_rotate.py", "erin.py"),
    ]:
        shutil.copy(src, folder / name)
    for name in ("fake_results.py", "exit_in_call.py", "syntax_error.py"):
        (folder / name).write_text(HOSTILE[name])
    local, remote = tmp_path / "local.jsonl", tmp_path / "remote.jsonl"
    result = CliRunner().invoke(
        cli, ["grade", "can_shift", str(folder), "--out", str(local), "--jobs", "2", *ANY_ISOLATION]
    )
    assert result.exit_code == 0, result.output

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = _env()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    ]
    try:
        for i in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "dask",
                        "worker",
                        address,
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--host",
                        "127.0.0.1",
                        "--name",
                        f"w{i}",
                        "--local-directory",
                        str(tmp_path / f"w{i}"),
                    ],
                    env=env,
                    cwd=tmp_path,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
        _wait_for_workers(address, 2, timeout=120)
        result = CliRunner().invoke(
            cli, ["grade", "can_shift", str(folder), "--out", str(remote), "--scheduler", address, *ANY_ISOLATION]
        )
        assert result.exit_code == 0, result.output
    finally:
        for proc in reversed(procs):
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def strip(rows: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
        return {k: {f: v for f, v in r.items() if f not in TIMING} for k, r in rows.items()}

    assert strip(_rows(remote)) == strip(_rows(local))
    assert len(_rows(local)) == 6


# -- the terminal ---------------------------------------------------------------


def test_the_per_student_table_sorts_by_score_or_by_name() -> None:
    import io

    from rich.console import Console

    from judge.cli import views

    rows = [
        _row("bob.py", verdict="WA", score=0.5, failed_test="sample-1", detail="expected True, got False"),
        _row("alice.py", verdict="CE", score=0.0, detail="SyntaxError: expected ':' (line 1)"),
        _row("carol.py", verdict="AC", score=1.0),
        _row("\x1b[2Jeve.py", verdict="REFUSED", score=0.0, error="it is a symbolic link (to /etc/shadow)"),
    ]

    def order(sort: str) -> list[str]:
        out = io.StringIO()
        views.students(rows, Console(file=out, width=120, color_system=None), sort)
        text = out.getvalue()
        assert "\x1b" not in text and "\\x1b[2Jeve.py" in text  # a name cannot drive the terminal
        assert "expected True, got False" in text and "SyntaxError: expected ':' (line 1)" in text
        return [name for name in re.findall(r"│ (\S+\.py)", text)]

    assert order("score") == ["carol.py", "bob.py", "alice.py", "\\x1b[2Jeve.py"]
    assert order("name") == ["\\x1b[2Jeve.py", "alice.py", "bob.py", "carol.py"]
