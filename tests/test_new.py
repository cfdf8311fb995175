"""judge new: a scaffold that validates at once, under a --root anywhere on disk, and can be judged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from judge.cli import cli
from judge.problems.problemset import find


def judge(root: Path, *args: str) -> object:
    return CliRunner().invoke(cli, ["--root", str(root), *args])


@pytest.fixture
def made(tmp_path: Path) -> Path:
    root = tmp_path / "my-set"  # does not exist yet: 'judge new' creates it
    result = judge(root, "new", "sum_sq")
    assert result.exit_code == 0, result.output
    return root


def test_new_writes_a_complete_challenge(made: Path) -> None:
    for rel in (
        "challenges/sum_sq/challenge.toml",
        "challenges/sum_sq/statement.md",
        "challenges/sum_sq/stub.py",
        "challenges/sum_sq/tests/sample.json",
        "challenges/sum_sq/tests/hidden.json",
        "challenges/sum_sq/generator.py",
        "challenges/sum_sq/strategy.py",
        "solutions/sum_sq/accepted/reference.py",
        "solutions/sum_sq/wrong_answer/square_of_sum.py",
    ):
        assert (made / rel).is_file(), rel
    origins = {row["id"]: row["origin"] for row in json.loads(judge(made, "list", "--json").stdout)}
    assert origins["sum_sq"] == str(made.resolve()) and origins["can_shift"] == "built-in"


def test_new_refuses_to_overwrite(made: Path) -> None:
    stub = made / "challenges" / "sum_sq" / "stub.py"
    stub.write_text("# mine\n")
    result = judge(made, "new", "sum_sq")
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert stub.read_text() == "# mine\n"


@pytest.mark.parametrize("bad", ["Sum", "1st", "has-dash", "a b"])
def test_new_rejects_ids_that_are_not_function_names(tmp_path: Path, bad: str) -> None:
    result = judge(tmp_path, "new", bad)
    assert result.exit_code == 2 and "not a valid challenge id" in result.stderr
    assert not (tmp_path / "challenges").exists()


@pytest.mark.slow
def test_new_challenge_validates_and_can_be_judged(made: Path) -> None:
    result = judge(made, "validate", "--json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0, report
    assert [c["challenge"] for c in report["challenges"]] == ["sum_sq"]
    # The time margins, on the machine as it is and with one core busy (no TLE solution here).
    margins = report["challenges"][0]["margins"]
    assert margins["quiet"]["accepted"] >= 2 and margins["busy"]["accepted"] >= 2
    assert margins["quiet"]["tle"] is None
    solutions = made / "solutions" / "sum_sq"
    accepted = judge(made, "run", "sum_sq", str(solutions / "accepted" / "plain_loop.py"), "--json")
    assert (accepted.exit_code, json.loads(accepted.stdout)["verdict"]) == (0, "AC")
    wrong = judge(made, "run", "sum_sq", str(solutions / "wrong_answer" / "square_of_sum.py"), "--json")
    assert (wrong.exit_code, json.loads(wrong.stdout)["verdict"]) == (1, "WA")


def test_expected_answers_follow_the_reference_and_the_generator(made: Path) -> None:
    """Cached expected answers never outlive a change to what produced them."""
    before = {t.name: t.expected for t in find("sum_sq", made).tests}
    ref = made / "solutions" / "sum_sq" / "accepted" / "reference.py"
    ref.write_text(ref.read_text().replace("return sum(", "return 1 + sum("))
    after = {t.name: t.expected for t in find("sum_sq", made).tests}
    assert after["zeros"] == before["zeros"] + 1  # not stored in hidden.json: from the reference
    assert after["sample-1"] == before["sample-1"]  # stored: the file wins
    gen = made / "challenges" / "sum_sq" / "generator.py"
    gen.write_text(gen.read_text().replace("(1_000, 50_000, 200_000)", "(10,)"))
    assert [t.name for t in find("sum_sq", made).tests if t.name.startswith("random")] == ["random-10"]
