"""The history of attempts: what judge test and judge run add, judge history, judge list's
solved and tries, and a broken database that warns and never fails the judging."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from judge.cli import cli
from judge.practice import history

SOL = Path(__file__).resolve().parent.parent / "solutions" / "can_shift"
REFERENCE = str(SOL / "accepted" / "reference.py")
INTERVIEW = str(SOL / "wrong_answer" / "interview.py")


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JUDGE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def progress_of(runner: CliRunner, cid: str) -> tuple[bool, int]:
    rows = json.loads(runner.invoke(cli, ["list", "--json"]).stdout)
    row = next(r for r in rows if r["id"] == cid)
    return row["solved"], row["attempts"]


def test_test_and_run_add_attempts_and_list_shows_solved(runner: CliRunner, home: Path) -> None:
    assert progress_of(runner, "can_shift") == (False, 0)
    assert runner.invoke(cli, ["test", "can_shift", INTERVIEW]).exit_code == 0
    # AC on the samples alone is not solved.
    assert progress_of(runner, "can_shift") == (False, 1)
    assert runner.invoke(cli, ["run", "can_shift", INTERVIEW, "--no-search", "--fail-fast"]).exit_code == 1
    assert progress_of(runner, "can_shift") == (False, 2)
    assert runner.invoke(cli, ["run", "can_shift", REFERENCE]).exit_code == 0
    assert progress_of(runner, "can_shift") == (True, 3)
    assert progress_of(runner, "roc_auc") == (False, 0)
    assert (home / "history.sqlite3").is_file()

    rows = json.loads(runner.invoke(cli, ["history", "can_shift", "--json"]).stdout)
    assert [(r["scope"], r["verdict"]) for r in rows] == [("all", "AC"), ("all", "WA"), ("samples", "AC")]
    newest = rows[0]
    assert newest["file"] == REFERENCE and newest["passed"] == newest["total"] == 37
    assert newest["sha256"] == history.digest(Path(REFERENCE).read_bytes())
    assert newest["at"].endswith("Z") and newest["time_ms"] > 0
    table = runner.invoke(cli, ["history"])
    assert table.exit_code == 0 and "can_shift" in table.output and "37/37" in table.output
    assert "✓" in runner.invoke(cli, ["list"]).output


def test_history_limits_filters_and_names_unknown_challenges(runner: CliRunner, home: Path) -> None:
    for _ in range(3):
        runner.invoke(cli, ["test", "can_shift", REFERENCE])
    assert len(json.loads(runner.invoke(cli, ["history", "--json", "-n", "2"]).stdout)) == 2
    assert json.loads(runner.invoke(cli, ["history", "roc_auc", "--json"]).stdout) == []
    assert "no attempts of roc_auc yet" in runner.invoke(cli, ["history", "roc_auc"]).output
    unknown = runner.invoke(cli, ["history", "can_shft"])
    assert unknown.exit_code == 2 and "did you mean 'can_shift'?" in unknown.stderr


def test_no_history_turns_recording_off(runner: CliRunner, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUDGE_NO_HISTORY", "1")
    assert runner.invoke(cli, ["test", "can_shift", REFERENCE]).exit_code == 0
    assert not (home / "history.sqlite3").exists()
    assert json.loads(runner.invoke(cli, ["history", "--json"]).stdout) == []


def test_a_damaged_database_warns_and_never_fails_judging(runner: CliRunner, home: Path) -> None:
    home.mkdir()
    (home / "history.sqlite3").write_bytes(b"this is not a database, only some bytes " * 100)
    judged = runner.invoke(cli, ["test", "can_shift", REFERENCE])
    assert judged.exit_code == 0 and "Accepted" in judged.output
    assert "judge: warning: the attempt was not added to the history" in judged.stderr
    assert len(judged.stderr.strip().splitlines()) == 1
    listed = runner.invoke(cli, ["list", "--json"])
    assert listed.exit_code == 0 and json.loads(listed.stdout)[0]["attempts"] == 0
    assert "cannot read the history" in listed.stderr
    shown = runner.invoke(cli, ["history"])
    assert shown.exit_code == 2 and "move the file away" in shown.stderr and "Traceback" not in shown.output


@pytest.mark.timeout(120)
def test_a_locked_database_warns_and_never_fails_judging(runner: CliRunner, home: Path) -> None:
    assert runner.invoke(cli, ["test", "can_shift", REFERENCE]).exit_code == 0
    other = sqlite3.connect(home / "history.sqlite3")
    try:
        other.execute("BEGIN EXCLUSIVE")  # another judge in the middle of writing, for ever
        judged = runner.invoke(cli, ["test", "can_shift", REFERENCE, "--json"])
        assert judged.exit_code == 0 and json.loads(judged.stdout)["verdict"] == "AC"
        assert "not added to the history" in judged.stderr and "locked" in judged.stderr
    finally:
        other.rollback()
        other.close()
    assert len(json.loads(runner.invoke(cli, ["history", "--json"]).stdout)) == 1


def test_the_history_lives_in_the_users_data_folder_without_judge_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JUDGE_HOME")
    from platformdirs import user_data_path

    assert history.path() == user_data_path("judge", appauthor=False) / "history.sqlite3"


def fake_report(challenge: str = "can_shift") -> object:
    from judge.model.report import Report
    from judge.model.verdict import Verdict

    return Report(challenge=challenge, solution="x.py", verdict=Verdict.WA, tests=[])


def test_each_version_of_the_code_is_kept_once_to_be_reopened(home: Path) -> None:
    code = b"def can_shift(a, b):\n    return a == b\n"
    history.record(fake_report(), code, "a.py")  # type: ignore[arg-type]
    history.record(fake_report(), code, "b.py")  # type: ignore[arg-type]
    sha = history.digest(code)
    assert history.source(sha) == code.decode()
    with sqlite3.connect(home / "history.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM sources").fetchone() == (1,)
    assert history.kept([sha, "0" * 64]) == {sha}
    assert history.source("0" * 64) is None


def test_code_too_large_or_not_text_is_not_kept_but_its_attempt_is(home: Path) -> None:
    big = b"#" * (history.MAX_KEPT_BYTES + 1)
    binary = b"\xff\xfe\x00junk"
    for data in (big, binary):
        history.record(fake_report(), data, "x.py")  # type: ignore[arg-type]
        assert history.source(history.digest(data)) is None
    assert len(history.attempts("can_shift")) == 2


def test_a_history_from_before_sources_were_kept_gains_them(home: Path) -> None:
    home.mkdir(parents=True)
    with sqlite3.connect(home / "history.sqlite3") as db:
        db.executescript(history.SCHEMA.split("-- Each version")[0])
    with pytest.raises(history.HistoryError):
        history.source("0" * 64)
    assert history.kept(["0" * 64]) == set()
    history.record(fake_report(), b"x = 1\n", "x.py")  # type: ignore[arg-type]
    assert history.source(history.digest(b"x = 1\n")) == "x = 1\n"
