"""The judge command, through click's CliRunner."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from judge.cli import COMMAND_MODULES, cli

REPO = Path(__file__).resolve().parent.parent
SOL = REPO / "solutions" / "can_shift"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def run_json(runner: CliRunner, *args: str) -> tuple[int, dict]:
    result = runner.invoke(cli, ["run", *args, "--json"])
    return result.exit_code, json.loads(result.stdout)


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("list", "show", "init", "run"):
        assert command in result.output


@pytest.mark.parametrize("command", sorted(COMMAND_MODULES))
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    found = cli.get_command(click.Context(cli), command)
    assert found is not None and found.get_short_help_str().strip()


def test_every_command_is_found_in_the_module_the_group_imports() -> None:
    # The group imports a command's module only when the command runs: the map must be whole.
    declared = {}
    for name in set(COMMAND_MODULES.values()):
        for command in importlib.import_module(f"judge.cli.{name}").COMMANDS:
            declared[command.name] = name
    assert declared == COMMAND_MODULES


def test_list_shows_both_first_challenges(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["list"])
    assert result.exit_code == 0
    assert "can_shift" in result.output and "find_bigrams" in result.output
    rows = json.loads(runner.invoke(cli, ["list", "--json"]).stdout)
    row = next(r for r in rows if r["id"] == "can_shift")
    assert row["samples"] == 3 and row["hidden"] > 20 and row["origin"] == "built-in"


def test_list_shows_tags_and_filters_by_them(runner: CliRunner) -> None:
    rows = json.loads(runner.invoke(cli, ["list", "--json"]).stdout)
    assert all(row["tags"] for row in rows), "every built-in challenge has tags"
    tagged = {row["id"] for row in rows if "metrics" in row["tags"]}
    assert {"roc_auc", "confusion_matrix"} <= tagged
    result = runner.invoke(cli, ["list", "--tag", "metrics", "--json"])
    assert result.exit_code == 0
    assert {row["id"] for row in json.loads(result.stdout)} == tagged
    # Repeated: every tag must be there; any case.
    both = json.loads(runner.invoke(cli, ["list", "--tag", "Metrics", "--tag", "classification", "--json"]).stdout)
    assert {row["id"] for row in both} == {r["id"] for r in rows if {"metrics", "classification"} <= set(r["tags"])}
    table = runner.invoke(cli, ["list", "--tag", "strings"], env={"COLUMNS": "200"}).output
    assert "can_shift" in table and "roc_auc" not in table and "strings" in table


def test_list_names_an_unknown_tag(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["list", "--tag", "metric"])
    assert result.exit_code == 2
    assert result.stderr.startswith("judge: error: no challenge is tagged 'metric'; did you mean 'metrics'? (tags: ")
    assert "Traceback" not in result.output


def test_show_has_statement_signature_samples_and_budgets(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["show", "can_shift"])
    assert result.exit_code == 0
    out = result.output
    assert "Can shift" in out
    assert "can_shift(a: str, b: str) -> bool" in out
    assert "'abcde'" in out and "'cdeab'" in out
    assert "256 MiB" in out


def _problem_set(tmp_path: Path) -> Path:
    """A problem set with a copy of can_shift ('good') and a challenge whose config is broken."""
    import shutil

    root = tmp_path / "set"
    shutil.copytree(REPO / "challenges" / "can_shift", root / "challenges" / "good")
    shutil.copytree(REPO / "solutions" / "can_shift", root / "solutions" / "good")
    (root / "challenges" / "broken").mkdir()
    (root / "challenges" / "broken" / "challenge.toml").write_text('title = "B"\nfunction = "f"\nsignatur = "f()"\n')
    return root


def test_list_shows_the_other_challenges_when_one_is_broken(runner: CliRunner, tmp_path: Path) -> None:
    root = _problem_set(tmp_path)
    result = runner.invoke(cli, ["--root", str(root), "list"])
    assert result.exit_code == 0, result.output
    assert "good" in result.output and "can_shift" in result.output  # the others, built-in ones included
    flat = re.sub(r"\s+", " ", result.output)
    assert "✗ broken challenges/broken/challenge.toml: unknown key 'signatur'; did you mean 'signature'?" in flat
    assert "1 challenge(s) could not be read; see: judge validate broken" in result.output
    rows = {r["id"]: r for r in json.loads(runner.invoke(cli, ["--root", str(root), "list", "--json"]).stdout)}
    assert (
        rows["broken"]["error"] == "challenges/broken/challenge.toml: unknown key 'signatur'; did you mean 'signature'?"
    )
    assert rows["good"]["error"] is None and rows["good"]["samples"] == 3


def test_a_tag_filter_leaves_out_a_broken_challenge(runner: CliRunner, tmp_path: Path) -> None:
    root = _problem_set(tmp_path)
    result = runner.invoke(cli, ["--root", str(root), "list", "--tag", "strings", "--json"])
    assert result.exit_code == 0, result.output
    ids = {r["id"] for r in json.loads(result.stdout)}
    assert {"good", "can_shift", "find_bigrams"} <= ids and "broken" not in ids


def test_show_wraps_a_long_signature_instead_of_cutting_it(runner: CliRunner, tmp_path: Path) -> None:
    root = _problem_set(tmp_path)
    signature = (
        "can_shift(first_string_to_compare: str, second_string_to_compare: str, *, "
        "ignore_case: bool = False, allow_empty_strings: bool = True) -> bool"
    )
    config = root / "challenges" / "good" / "challenge.toml"
    config.write_text(re.sub(r"(?m)^signature = .*$", f"signature = {json.dumps(signature)}", config.read_text()))
    result = runner.invoke(cli, ["--root", str(root), "show", "good"])
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    assert re.sub(r"\s", "", signature) in re.sub(r"[\s│]", "", result.output)


def test_unknown_challenge_suggests_the_closest(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["run", "can_shft", "x.py"])
    assert result.exit_code == 2
    assert (
        result.stderr.strip() == "judge: error: no challenge 'can_shft'; did you mean 'can_shift'? (see 'judge list')"
    )
    assert "Traceback" not in result.output


def test_a_wrong_case_id_is_suggested_too(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["show", "CAN_SHIFT"])
    assert result.exit_code == 2
    assert "did you mean 'can_shift'?" in result.stderr


def test_init_writes_the_stub_and_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "mine.py"
    assert runner.invoke(cli, ["init", "can_shift", str(target)]).exit_code == 0
    assert "def can_shift" in target.read_text()
    target.write_text("# my work\n")
    refused = runner.invoke(cli, ["init", "can_shift", str(target)])
    assert refused.exit_code == 2
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert target.read_text() == "# my work\n"
    assert runner.invoke(cli, ["init", "can_shift", str(target), "--force"]).exit_code == 0
    assert "def can_shift" in target.read_text()


def test_init_never_writes_through_a_symbolic_link(runner: CliRunner, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "target.py"
    elsewhere.parent.mkdir()
    link = tmp_path / "mine.py"
    link.symlink_to(elsewhere)  # dangling: exists() is False
    refused = runner.invoke(cli, ["init", "can_shift", str(link)])
    assert refused.exit_code == 2 and "symbolic link" in refused.stderr
    assert not elsewhere.exists() and link.is_symlink()
    assert runner.invoke(cli, ["init", "can_shift", str(link), "--force"]).exit_code == 0
    assert not elsewhere.exists(), "the link's target was written"
    assert not link.is_symlink() and "def can_shift" in link.read_text()


def test_the_stub_is_rejected(runner: CliRunner, tmp_path: Path) -> None:
    stub = tmp_path / "stub.py"
    runner.invoke(cli, ["init", "find_bigrams", str(stub)])
    code, report = run_json(runner, "find_bigrams", str(stub))
    assert code == 1
    assert report["verdict"] == "RE"
    # A crash's time says nothing about speed.
    assert report["time_vs_reference"] is None and report["speed"] is None
    text = runner.invoke(cli, ["run", "find_bigrams", str(stub)]).output
    assert "the reference" not in text and "speed:" not in text


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "nope.py", "no such file"),
        (lambda p: p, "is a folder"),
    ],
)
def test_bad_solution_paths_are_usage_errors(runner: CliRunner, tmp_path: Path, make, message: str) -> None:
    result = runner.invoke(cli, ["run", "can_shift", str(make(tmp_path))])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_binary_and_non_utf8_files_are_compile_errors(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "a.py"
    binary.write_bytes(b"\x7fELF\x00\x01\x02")
    code, report = run_json(runner, "can_shift", str(binary))
    assert (code, report["verdict"]) == (1, "CE")
    assert "binary" in report["compile_error"]
    latin1 = tmp_path / "b.py"
    latin1.write_bytes("# caf\xe9\ndef can_shift(a, b):\n    return True\n".encode("latin-1"))
    code, report = run_json(runner, "can_shift", str(latin1))
    assert report["verdict"] == "CE" and "UTF-8" in report["compile_error"]


@pytest.mark.parametrize(
    ("source", "needle"),
    [
        ("def can_shift(a, b)\n    return True\n", "SyntaxError"),
        ("import no_such_module_here\n", "ModuleNotFoundError"),
        ("def other(a, b):\n    return True\n", "no function 'can_shift'"),
        ("can_shift = 3\n", "no function 'can_shift'"),
        ("raise SystemExit(0)\n", "SystemExit"),
    ],
)
def test_load_failures_are_compile_errors(runner: CliRunner, tmp_path: Path, source: str, needle: str) -> None:
    path = tmp_path / "s.py"
    path.write_text(source)
    code, report = run_json(runner, "can_shift", str(path))
    assert (code, report["verdict"]) == (1, "CE")
    assert needle in report["compile_error"]
    assert all(t["verdict"] == "CE" for t in report["tests"])


def test_bom_and_crlf_are_fine(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "crlf.py"
    source = (SOL / "accepted" / "reference.py").read_text().replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + source.encode())
    code, report = run_json(runner, "can_shift", str(path))
    assert (code, report["verdict"]) == (0, "AC")


def test_run_accepted_prints_a_table_and_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["run", "can_shift", str(SOL / "accepted" / "reference.py")])
    assert result.exit_code == 0
    assert "Accepted" in result.output and "37/37" in result.output
    # Placed among the other accepted solutions (not compared with itself), and its budget use.
    assert "speed: faster than all" in result.output and "known accepted solutions" in result.output
    assert "budget: at most" in result.output


def test_json_report_contract(runner: CliRunner) -> None:
    code, report = run_json(runner, "can_shift", str(SOL / "wrong_answer" / "interview.py"))
    assert code == 1
    for key in ("challenge", "solution", "verdict", "passed", "total", "tests", "isolation", "time_vs_reference"):
        assert key in report
    assert report["challenge"] == "can_shift" and report["verdict"] == "WA"
    assert report["passed"] < report["total"] == len(report["tests"])
    sample = report["tests"][0]
    assert sample["name"] == "sample-1" and sample["hidden"] is False
    assert {"verdict", "time_ms", "memory_kib", "input", "expected", "got"} <= set(sample)
    hidden = [t for t in report["tests"] if t["hidden"]]
    assert hidden and all(set(t) & {"input", "expected", "got", "stdout", "stderr", "message"} == set() for t in hidden)
    assert next(t for t in hidden if t["name"] == "both-empty")["verdict"] == "WA"


def test_fail_fast_stops_at_the_first_failure(runner: CliRunner) -> None:
    code, report = run_json(runner, "can_shift", str(SOL / "wrong_answer" / "interview.py"), "--fail-fast")
    verdicts = [t["verdict"] for t in report["tests"]]
    first = next(i for i, v in enumerate(verdicts) if v != "AC")
    assert verdicts[first] == "WA"
    assert set(verdicts[first + 1 :]) == {"SKIPPED"}


def test_sample_failures_show_everything(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "s.py"
    path.write_text("def can_shift(a, b):\n    print('looking at', a, b)\n    return a == b\n")
    result = runner.invoke(cli, ["run", "can_shift", str(path)])
    assert result.exit_code == 1
    out = result.output
    assert "sample-1: Wrong answer" in out
    assert "'abcde'" in out and "looking at abcde cdeab" in out


def test_hidden_failures_show_nothing_but_verdicts(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "s.py"
    secret = "SECRET-MARK"
    path.write_text(
        "def can_shift(a, b):\n"
        f"    print('{secret}', repr(a), repr(b))\n"
        "    if len(a) > 3 and a != 'abcde':\n"
        f"        raise ValueError('{secret} ' + a + '|' + b)\n"
        "    return len(a) == len(b) and b in a + a\n"
    )
    # (No counterexample search: what it finds is shown in full, by design; see test_practice.py.)
    for args in (["--json", "--no-search"], ["--no-search"]):
        result = runner.invoke(cli, ["run", "can_shift", str(path), *args])
        assert result.exit_code == 1
        out = result.stdout
        # Inputs of hidden tests, and what the solution printed or raised about them.
        assert "tationrp" not in out and "aaaa" not in out and "habcdefg" not in out
        # The secret shows only next to sample inputs ('abcde', 'abc').
        shown = re.findall(secret + r" '(\w*)'", out)
        assert out.count(secret) == len(shown) and set(shown) <= {"abcde", "abc"}
        if "--json" in args:
            report = json.loads(out)
            assert report["verdict"] == "RE"
            assert all(secret not in json.dumps(t) for t in report["tests"] if t["hidden"])
