"""The practice loop: judge test, your own calls, the compact and full views, the
small fixes a learner hit, notes (state kept between calls, mutated inputs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from judge.cli import cli

REPO = Path(__file__).resolve().parent.parent
SOL = REPO / "solutions"
REFERENCE = SOL / "can_shift" / "accepted" / "reference.py"
INTERVIEW = SOL / "can_shift" / "wrong_answer" / "interview.py"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def invoke_json(runner: CliRunner, *args: str) -> tuple[int, dict]:
    result = runner.invoke(cli, [*args, "--json"])
    assert result.stdout, result.stderr
    return result.exit_code, json.loads(result.stdout)


def write(tmp_path: Path, source: str, name: str = "mine.py") -> Path:
    path = tmp_path / name
    path.write_text(source)
    return path


def one_line_usage_error(result, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in result.stderr


# -- judge test: the samples, in full ----------------------------------------------


def test_judge_test_runs_only_the_samples_in_full_and_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["test", "can_shift", str(REFERENCE)])
    assert result.exit_code == 0
    for name in ("sample-1: Accepted", "sample-2: Accepted", "sample-3: Accepted"):
        assert name in result.output
    assert "'abcde', 'cdeab'" in result.output and "3/3 passed" in result.output
    code, report = invoke_json(runner, "test", "can_shift", str(REFERENCE))
    assert (code, report["scope"], report["total"]) == (0, "samples", 3)
    assert all(not t["hidden"] and {"input", "expected", "got"} <= set(t) for t in report["tests"])


def test_judge_test_exits_1_when_a_sample_fails(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "def can_shift(a, b):\n    print('hi', a)\n    return a == b\n")
    result = runner.invoke(cli, ["test", "can_shift", str(path)])
    assert result.exit_code == 1
    assert "sample-1: Wrong answer" in result.output and "hi abcde" in result.output


# -- your own calls ------------------------------------------------------------------


def test_input_runs_your_call_against_the_reference(runner: CliRunner, tmp_path: Path) -> None:
    code, report = invoke_json(runner, "test", "can_shift", str(INTERVIEW), "--input", '["", ""]')
    assert (code, report["scope"], report["verdict"]) == (1, "custom", "WA")
    (custom,) = report["tests"]
    assert custom["name"] == "custom-1" and custom["hidden"] is False
    assert custom["input"] == {"args": ["", ""], "kwargs": {}}
    assert (custom["expected"], custom["got"], custom["verdict"]) == (True, False, "WA")
    shown = runner.invoke(cli, ["test", "can_shift", str(INTERVIEW), "--input", '["", ""]'])
    assert "custom-1: Wrong answer" in shown.output and "expected  True" in shown.output


def test_several_inputs_with_kwargs_become_custom_1_and_custom_2(runner: CliRunner) -> None:
    reference = SOL / "time_series_split" / "accepted" / "reference.py"
    args = ["test", "time_series_split", str(reference), "--input", "[6, 2]", "--input", "[6, 1]"]
    code, report = invoke_json(runner, *args, "--kwargs", '{"gap": 1}', "--kwargs", "{}")
    assert code == 0
    first, second = report["tests"]
    assert first["name"] == "custom-1" and first["input"]["kwargs"] == {"gap": 1}
    assert first["expected"] == first["got"] == [[[0], [2, 3]], [[0, 1, 2], [4, 5]]]
    # The reference raises on n_splits=1: the expected answer is the exception, and the reference passes.
    assert second["expected"] == "raises ValueError" and second["verdict"] == "AC"


@pytest.mark.parametrize(
    ("options", "needles"),
    [
        (["--input", '"ab", "ba"'], ["not valid JSON", '--input \'["ab", "ba"]\'']),
        (["--input", '"ab"'], ["must be a JSON list", "not str"]),
        (["--input", '["ab", "ba", "c"]'], ["does not fit can_shift(a: str, b: str) -> bool", "too many", "e.g."]),
        (["--input", '["ab"]'], ["missing a required argument: 'b'"]),
        (["--input", '["a", "b"]', "--kwargs", '{"c": 1}'], ["unexpected keyword argument 'c'"]),
        (["--kwargs", "[1]"], ["--kwargs must be a JSON object"]),
        (["--input", "[1, 2]", "--input", "[3, 4]", "--kwargs", "{}"], ["one --kwargs per --input"]),
    ],
)
def test_bad_inputs_are_one_line_usage_errors(runner: CliRunner, options: list[str], needles: list[str]) -> None:
    one_line_usage_error(runner.invoke(cli, ["test", "can_shift", str(REFERENCE), *options]), *needles)


# -- judge run: compact by default, -v for every test -----------------------------------


def test_run_is_compact_the_failing_tests_only(runner: CliRunner) -> None:
    empty_is_false = SOL / "can_shift" / "wrong_answer" / "empty_is_false.py"
    result = runner.invoke(cli, ["run", "can_shift", str(empty_is_false), "--no-search"])
    assert result.exit_code == 1
    out = result.output
    assert "both-empty (hidden)" in out and "failing test" in out
    assert "sample-1" not in out and "single-same" not in out  # passing tests are not listed
    assert "Wrong answer" in out and "/37 passed" in out


def test_long_test_names_are_never_cut(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(cli, ["--root", str(tmp_path), "new", "sum_sq"]).exit_code == 0
    hidden = tmp_path / "challenges" / "sum_sq" / "tests" / "hidden.json"
    long = "a-hidden-test-with-a-name-much-longer-than-any-terminal-column-would-ever-hold-" * 2
    hidden.write_text(json.dumps([*json.loads(hidden.read_text()), {"name": long, "args": [[1, 2, 3]]}]))
    wrong = write(tmp_path, "def sum_sq(xs):\n    return sum(xs)\n")
    result = runner.invoke(cli, ["--root", str(tmp_path), "run", "sum_sq", str(wrong), "--no-search"])
    assert result.exit_code == 1
    assert long in result.output


def test_verbose_shows_every_test_in_a_table(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["run", "can_shift", str(REFERENCE), "-v"], terminal_width=200)
    assert result.exit_code == 0
    for name in ("sample-1", "both-empty (hidden)", "huge-periodic (hidden)"):
        assert name in result.output
    assert "budget ms" in result.output


@pytest.mark.parametrize("verbose", [[], ["-v"]])
def test_fail_fast_prints_no_row_for_skipped_tests(runner: CliRunner, verbose: list[str]) -> None:
    result = runner.invoke(cli, ["run", "can_shift", str(INTERVIEW), "--fail-fast", "--no-search", *verbose])
    assert result.exit_code == 1
    assert "SKIPPED" not in result.output and "huge-periodic" not in result.output
    assert "not run after the first failure (--fail-fast)" in result.output


def test_a_compile_error_is_one_panel_without_expected_none(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "def can_shift(a, b)\n    return True\n")
    for verbose in ([], ["-v"]):
        result = runner.invoke(cli, ["run", "can_shift", str(path), *verbose])
        assert result.exit_code == 1
        out = result.output
        assert out.count("could not load the solution") == 1 and "SyntaxError" in out
        assert "CE " not in out.replace("CE Compile error", "")  # no row per test
        assert "expected  " not in out and "None" not in out  # no test panels, no "expected None"
    code, report = invoke_json(runner, "run", "can_shift", str(path))
    assert report["verdict"] == "CE"
    assert all(t["verdict"] == "CE" and "expected" not in t and "got" not in t for t in report["tests"])


# -- the small fixes ------------------------------------------------------------------


def test_a_missing_function_suggests_the_closest_name(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "def canShift(a, b):\n    return True\n")
    code, report = invoke_json(runner, "test", "can_shift", str(path))
    assert report["verdict"] == "CE"
    assert "no function 'can_shift' in" in report["compile_error"]
    assert "it defines 'canShift': rename it to 'can_shift'" in report["compile_error"]


def test_tracebacks_name_the_users_file_and_show_its_lines(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "def can_shift(a, b):\n    first = a[0]\n    return True\n", "my_rotation.py")
    code, report = invoke_json(runner, "test", "can_shift", str(path), "--input", '["", ""]')
    message = report["tests"][0]["message"]
    assert f'File "{path}", line 2, in can_shift' in message
    assert "first = a[0]" in message and "solution.py" not in message


def test_importing_a_helper_module_of_your_own_is_explained(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "def rotate(a, b):\n    return True\n", "helper.py")
    path = write(tmp_path, "from helper import rotate\n\ndef can_shift(a, b):\n    return rotate(a, b)\n")
    code, report = invoke_json(runner, "test", "can_shift", str(path))
    assert report["verdict"] == "CE"
    assert "helper is a module of your own beside" in report["compile_error"]
    assert "only the one file is judged" in report["compile_error"]
    elsewhere = write(tmp_path, "import no_such_helper_anywhere\n", "other.py")
    code, report = invoke_json(runner, "test", "can_shift", str(elsewhere))
    assert "if no_such_helper_anywhere is a module of your own" in report["compile_error"]
    installed = write(tmp_path, "import sklearn\n", "uses_sklearn.py")  # installed, but not in the sandbox
    code, report = invoke_json(runner, "test", "can_shift", str(installed))
    assert report["verdict"] != "CE" or "only the one file" not in report["compile_error"]


def test_swapped_arguments_are_named(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "def can_shift(a, b):\n    return True\n")
    for command in ("run", "test"):
        result = runner.invoke(cli, [command, str(path), "can_shift"])
        one_line_usage_error(result, "arguments are swapped", f"judge {command} can_shift {path}")


# -- notes ------------------------------------------------------------------------------

LEAKY = """seen = []


def can_shift(a, b):
    seen.append(a)
    right = len(a) == len(b) and b in a + a
    return right if len(seen) < 40 else not right
"""


def test_state_kept_between_calls_is_a_note(runner: CliRunner, tmp_path: Path) -> None:
    code, report = invoke_json(runner, "run", "can_shift", str(write(tmp_path, LEAKY)), "--no-search")
    assert report["verdict"] == "WA"
    (note,) = [n for n in report["notes"] if n["kind"] == "state_leak"]
    first_failing = next(t["name"] for t in report["tests"] if t["verdict"] != "AC")
    assert note["test"] == first_failing and "keeps state between calls" in note["message"]
    honest = invoke_json(runner, "run", "can_shift", str(INTERVIEW), "--no-search", "--fail-fast")[1]
    assert not [n for n in honest["notes"] if n["kind"] == "state_leak"]


def test_mutated_inputs_are_a_note(runner: CliRunner, tmp_path: Path) -> None:
    reference = (SOL / "roc_auc" / "accepted" / "reference.py").read_text()
    sorting = reference.replace("    n = len(y_true)\n", "    n = len(y_true)\n    y_score.sort()\n", 1)
    assert sorting != reference
    code, report = invoke_json(runner, "test", "roc_auc", str(write(tmp_path, sorting)))
    (note,) = [n for n in report["notes"] if n["kind"] == "mutates_input"]
    assert "'y_score'" in note["message"] and note["test"] == "sample-1"
    clean = invoke_json(runner, "test", "roc_auc", str(SOL / "roc_auc" / "accepted" / "reference.py"))[1]
    assert clean["notes"] == []
