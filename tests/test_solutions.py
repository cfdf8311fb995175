"""Every file under solutions/<id>/<verdict>/ must get the verdict its folder names.

accepted/ files are judged in test_fairness.py instead: three times, with one core busy.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from judge.judging.engine import Options, judge
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.problemset import ProblemSet, builtin_root

BUILTIN = ProblemSet(builtin_root(), "built-in")
CASES = [
    pytest.param(cid, path, verdict, id=f"{cid}/{path.parent.name}/{path.name}")
    for cid in BUILTIN.ids()
    for path, verdict in BUILTIN.challenge(cid).solutions()
    if verdict is not Verdict.AC
]


@pytest.mark.slow
@pytest.mark.parametrize(("cid", "path", "verdict"), CASES)
def test_solution_gets_its_folders_verdict(cid: str, path: Path, verdict: object) -> None:
    report = judge(BUILTIN.challenge(cid), Source.from_path(path), Options(fail_fast=True))
    failing = [(t.name, t.verdict.value) for t in report.tests if t.verdict.value not in ("AC", "SKIPPED")]
    assert report.verdict == verdict, f"{path}: got {report.verdict.value}; failing tests: {failing[:5]}"


def test_every_challenge_has_accepted_and_failing_solutions() -> None:
    for cid in BUILTIN.ids():
        verdicts = {v.value for _, v in BUILTIN.challenge(cid).solutions()}
        assert "AC" in verdicts and "WA" in verdicts and "TLE" in verdicts, cid
        # Budgets are set by plain Python of the intended complexity, written as a learner would.
        assert any(p.name.startswith("learner_") for p in BUILTIN.challenge(cid).accepted()), cid
