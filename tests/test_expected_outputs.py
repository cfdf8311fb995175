"""Every stored answer in a challenge's test files is what its reference gives.

A hand-written ``expected`` or ``raises`` that disagrees with the reference means one of
them is wrong; either way the challenge would judge solutions against two truths.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from judge.checkers.values import compare
from judge.problems.problemset import ProblemSet, builtin_root
from judge.problems.testdata import load_reference, reference_answer

BUILTIN = ProblemSet(builtin_root(), "built-in")


@pytest.mark.parametrize("cid", BUILTIN.ids())
def test_stored_answers_match_the_reference(cid: str) -> None:
    """As the challenge's checker judges it: its [check] tolerances, or its checker.py."""
    challenge = BUILTIN.challenge(cid)
    checker = challenge.checker
    func = load_reference(challenge)
    stored = [t for t in challenge.tests if t.stored]
    for case in stored:
        value, raised = reference_answer(func, case, challenge.reference_path)
        if case.raises is not None:
            assert raised == case.raises, f"{cid}/{case.name}: stored raises {case.raises}, reference gave {raised}"
            continue
        assert raised is None, f"{cid}/{case.name}: stored an answer, but the reference raised {raised}"
        verdict = checker.check(case.expected, value, args=case.args, kwargs=case.kwargs)
        assert verdict.ok, f"{cid}/{case.name}: {verdict.message}"


@pytest.mark.parametrize("cid", BUILTIN.ids())
def test_every_answer_is_the_references(cid: str) -> None:
    """Generated and unstored tests get their answer from the reference (through the cache)."""
    challenge = BUILTIN.challenge(cid)
    func = load_reference(challenge)
    for case in challenge.tests:
        if case.stored:
            continue
        value, raised = reference_answer(func, case, challenge.reference_path)
        assert raised == case.raises, f"{cid}/{case.name}"
        if raised is None:
            assert compare(case.expected, value) is None, f"{cid}/{case.name}"


def test_expected_answers_come_from_the_cache_the_second_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reference runs once per challenge version: later loads read its answers back."""
    first = BUILTIN.challenge("confusion_matrix")  # dict answers and NaN markers in the cache
    answers = {t.name: (t.expected, t.raises) for t in first.tests}

    def no_reference(challenge: object) -> None:
        raise AssertionError("the expected answers were computed again, not read from the cache")

    monkeypatch.setattr("judge.problems.testdata.load_reference", no_reference)
    again = BUILTIN.challenge("confusion_matrix")
    assert {t.name: (t.expected, t.raises) for t in again.tests} == answers


def test_a_damaged_cache_entry_is_computed_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Generated tests and expected answers are cached as marshal data; a file that does not
    read back (truncated, overwritten) is a miss, never an error or a wrong answer."""
    monkeypatch.setenv("JUDGE_CACHE_DIR", str(tmp_path))
    first = BUILTIN.challenge("confusion_matrix")
    answers = {t.name: (repr(t.args), repr(t.expected), t.raises) for t in first.tests}
    files = sorted(p for p in tmp_path.rglob("*.marshal*") if p.is_file())
    assert {p.parent.name for p in files} >= {"generated"} and any("expected" in str(p) for p in files)
    sizes = {path: path.stat().st_size for path in files}
    for path in files:
        path.write_bytes(path.read_bytes()[: sizes[path] // 2])
    again = BUILTIN.challenge("confusion_matrix")
    assert {t.name: (repr(t.args), repr(t.expected), t.raises) for t in again.tests} == answers
    assert {path: path.stat().st_size for path in files} == sizes  # computed and stored again
