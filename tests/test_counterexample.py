"""The counterexample search: for every built-in challenge, a known wrong solution gets a
small input it fails, found from strategy.py alone (never from a hidden test)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from judge.cli import cli
from judge.judging.counterexample import Search
from judge.judging.run import new_session
from judge.model.source import Source
from judge.problems.calls import load_strategy
from judge.problems.challenge import Challenge
from judge.problems.problemset import find
from judge.problems.testdata import import_file
from judge.runner.sandbox import best_sandbox

REPO = Path(__file__).resolve().parent.parent
SOL = REPO / "solutions"
#: Generous, so that the search ends because shrinking is done, never because time ran out.
LIMIT_S = 60.0
BUDGET_S = 1.0

# One known wrong solution per challenge and the counterexample it must get: the smallest
# input the strategy can draw on which it fails (why, in the comment).
KNOWN = [
    # Anchoring at the first occurrence of b[0] needs a repeated letter and a rotation: n = 3.
    ("can_shift", "first_char_anchor.py", {"args": ["AAa", "AaA"], "kwargs": {}}),
    # Two words, one upper-case.
    ("find_bigrams", "keeps_case.py", {"args": ["a A"], "kwargs": {}}),
    # Two training points at the same distance, different labels, k = 1.
    ("knn_predict", "distance_tie_higher_index.py", {"args": [[[0], [0]], ["a", "b"], [[0]], 1], "kwargs": {}}),
    # One pair with two different labels: the matrix is not symmetric.
    ("confusion_matrix", "transposed.py", {"args": [["a"], ["b"]], "kwargs": {}}),
    # One positive and one negative with the same score.
    ("roc_auc", "tie_as_loss.py", {"args": [[0, 1], [0, 0]], "kwargs": {}}),
    # The first training set with more than max_train_size samples: 3 samples, 2 splits, max 1.
    ("time_series_split", "max_train_keeps_oldest.py", {"args": [3, 2], "kwargs": {"max_train_size": 1}}),
]


def search(challenge: Challenge, solution: Path, limit_s: float = LIMIT_S):
    sandbox = best_sandbox()
    found = Search(challenge, Source.from_path(solution), BUDGET_S, limit_s)
    example, note = found.run(lambda: new_session(challenge, sandbox, repeat=False))
    return found, example, note


def hidden_inputs(challenge: Challenge) -> set[str]:
    """Hidden tests' inputs as JSON text: 0 and 0.0 are different inputs (roc_auc has a test on 0.0, -0.0)."""
    return {json.dumps({"args": t.args, "kwargs": t.kwargs}) for t in challenge.tests if t.hidden}


@pytest.mark.parametrize(("cid", "file", "smallest"), KNOWN, ids=[c for c, _, _ in KNOWN])
def test_a_known_wrong_solution_gets_the_smallest_counterexample(cid: str, file: str, smallest: dict) -> None:
    challenge = find(cid)
    _, example, note = search(challenge, SOL / cid / "wrong_answer" / file)
    assert note is None and example is not None
    assert example.input == smallest
    assert json.dumps(example.input) not in hidden_inputs(challenge)
    reference = import_file(challenge.reference_path, f"_ref_{cid}")
    expected = getattr(reference, challenge.config.function)(*smallest["args"], **smallest["kwargs"])
    assert json.loads(json.dumps(expected)) == example.expected
    assert example.got != example.expected and example.verdict.value in ("WA", "RE")


def test_the_interview_loop_is_shown_two_empty_strings() -> None:
    challenge = find("can_shift")
    _, example, _ = search(challenge, SOL / "can_shift" / "wrong_answer" / "interview.py")
    assert example is not None
    assert example.input == {"args": ["", ""], "kwargs": {}}
    assert (example.expected, example.got) == (True, False)


def _fails(module_path: Path, function: str, reference: Any, args: list, kwargs: dict) -> bool:
    module = import_file(module_path, f"_sol_{module_path.stem}")
    fn = getattr(module, function)

    def outcome(f: Any) -> Any:
        try:
            return ("value", json.loads(json.dumps(f(*json.loads(json.dumps(args)), **kwargs))))
        except Exception as exc:
            return ("raises", type(exc).__name__)

    return outcome(fn) != outcome(reference)


def test_nothing_smaller_fails_where_the_inputs_can_be_listed() -> None:
    """A brute-force proof of two of the minimums above, over everything the strategies can draw."""
    shift = find("can_shift")
    ref = import_file(shift.reference_path, "_ref_shift").can_shift
    anchor = SOL / "can_shift" / "wrong_answer" / "first_char_anchor.py"
    for n in range(3):  # every pair of strings of equal length below 3 over the strategy's alphabet
        for a, b in itertools.product(itertools.product("abA", repeat=n), repeat=2):
            assert not _fails(anchor, "can_shift", ref, ["".join(a), "".join(b)], {})
    split = find("time_series_split")
    ref = import_file(split.reference_path, "_ref_split").time_series_split
    oldest = SOL / "time_series_split" / "wrong_answer" / "max_train_keeps_oldest.py"
    for n_samples, n_splits in itertools.product(range(3), range(1, 6)):
        for mts, ts, gap in itertools.product([None, *range(1, 7)], [None, *range(1, 5)], [None, 1, 2, 3]):
            kwargs = {k: v for k, v in (("max_train_size", mts), ("test_size", ts), ("gap", gap)) if v is not None}
            assert not _fails(oldest, "time_series_split", ref, [n_samples, n_splits], kwargs)


@pytest.mark.slow
@pytest.mark.parametrize(
    "solution",
    sorted(SOL.glob("*/wrong_answer/*.py")),
    ids=lambda p: f"{p.parent.parent.name}/{p.name}",
)
def test_every_known_wrong_answer_gets_a_counterexample(solution: Path) -> None:
    challenge = find(solution.parent.parent.name)
    found, example, note = search(challenge, solution, limit_s=20.0)
    assert example is not None, note
    assert example.verdict.value in ("WA", "RE") and found.tried >= 1


def test_every_built_in_challenge_has_a_strategy(builtin: Path) -> None:
    for folder in sorted((builtin / "challenges").iterdir()):
        challenge = find(folder.name)
        assert load_strategy(challenge) is not None, folder.name


class NoHiddenTests(Challenge):
    """A challenge whose tests cannot even be read: the search must not need them."""

    @property
    def tests(self):  # type: ignore[override]
        raise AssertionError("the counterexample search read the challenge's tests")


def test_the_search_never_reads_the_tests() -> None:
    real = find("can_shift")
    blind = NoHiddenTests(real.id, real.path, real.solutions_path, real.origin)
    _, example, _ = search(blind, SOL / "can_shift" / "wrong_answer" / "skips_identity.py")
    assert example is not None and example.input == {"args": ["A", "A"], "kwargs": {}}


def test_a_new_challenge_searches_with_its_strategy_and_says_so_without_one(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--root", str(tmp_path), "new", "sum_sq"]).exit_code == 0
    # Passes both samples, fails the hidden test with a negative number.
    wrong = tmp_path / "no_negatives.py"
    wrong.write_text("def sum_sq(nums):\n    return sum(x * x for x in nums if x > 0)\n")
    command = ["--root", str(tmp_path), "run", "sum_sq", str(wrong), "--json", "--search-time", "30"]
    report = json.loads(runner.invoke(cli, command).stdout)
    assert report["counterexample"]["input"] == {"args": [[-1]], "kwargs": {}}
    (tmp_path / "challenges" / "sum_sq" / "strategy.py").unlink()
    report = json.loads(runner.invoke(cli, command).stdout)
    assert report["verdict"] == "WA" and report["counterexample"] is None
    (note,) = [n for n in report["notes"] if n["kind"] == "search"]
    assert "no strategy.py" in note["message"]


# -- through the CLI: the JSON contract and the options ------------------------------------


def test_run_json_carries_the_counterexample(tmp_path: Path) -> None:
    runner = CliRunner()
    interview = str(SOL / "can_shift" / "wrong_answer" / "interview.py")
    # --fail-fast: the search follows a hidden WA whether or not the slow tests ran.
    result = runner.invoke(cli, ["run", "can_shift", interview, "--json", "--fail-fast", "--search-time", "30"])
    report = json.loads(result.stdout)
    assert report["counterexample"]["input"] == {"args": ["", ""], "kwargs": {}}
    assert {k: report["counterexample"][k] for k in ("expected", "got", "verdict")} == {
        "expected": True,
        "got": False,
        "verdict": "WA",
    }
    assert "message" in report["counterexample"]
    shown = runner.invoke(cli, ["run", "can_shift", interview, "--fail-fast", "--search-time", "30"]).output
    shown = " ".join(shown.split())
    assert "counterexample" in shown and "'', ''" in shown and "not taken from the hidden tests" in shown
    off = json.loads(runner.invoke(cli, ["run", "can_shift", interview, "--json", "--fail-fast", "--no-search"]).stdout)
    assert off["counterexample"] is None and report["verdict"] == off["verdict"] == "WA"


def test_validate_checks_what_a_strategy_draws(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--root", str(tmp_path), "new", "sum_sq"]).exit_code == 0
    strategy = tmp_path / "challenges" / "sum_sq" / "strategy.py"
    good = runner.invoke(cli, ["--root", str(tmp_path), "validate", "sum_sq", "--json"])
    assert good.exit_code == 0, good.output
    strategy.write_text(
        "from hypothesis import strategies as st\n\n\ndef inputs():\n"
        "    return st.just({'args': [[1], 2], 'kwargs': {}})\n"
    )
    bad = json.loads(runner.invoke(cli, ["--root", str(tmp_path), "validate", "sum_sq", "--json"]).stdout)
    (problem,) = bad["challenges"][0]["problems"]
    assert (
        problem["file"].endswith("strategy.py") and "does not fit sum_sq(nums: list[int]) -> int" in problem["reason"]
    )
    strategy.write_text("def inputs():\n    return 3\n")
    bad = json.loads(runner.invoke(cli, ["--root", str(tmp_path), "validate", "sum_sq", "--json"]).stdout)
    assert "must return a Hypothesis strategy" in bad["challenges"][0]["problems"][0]["reason"]
