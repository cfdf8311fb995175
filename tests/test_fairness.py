"""No false TLE: every accepted/ solution gets AC three times over with one core busy.

The budgets are calibrated once on the machine as it is (cached for the whole session,
shared with every other test), then each accepted solution (the learner_*.py ones of
the intended complexity among them) is judged 3 times with one core kept busy, each
test timed once as its verdict is (--repeat 0). This is also where accepted solutions
get their "must get AC" check; test_solutions.py sweeps the other folders.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from judge.authoring.busy import one_core_busy
from judge.judging.calibration import budgets_for
from judge.judging.engine import Options, judge
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.problemset import ProblemSet, builtin_root
from judge.runner.sandbox import best_sandbox

BUILTIN = ProblemSet(builtin_root(), "built-in")
RUNS = 3
ACCEPTED = [
    pytest.param(cid, path, id=f"{cid}/{path.name}")
    for cid in BUILTIN.ids()
    for path in BUILTIN.challenge(cid).accepted()
]


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.parametrize(("cid", "path"), ACCEPTED)
def test_accepted_solutions_get_ac_every_time_with_one_core_busy(cid: str, path: Path) -> None:
    challenge = BUILTIN.challenge(cid)
    sandbox = best_sandbox()
    budgets = budgets_for(challenge, sandbox).budgets_s
    options = Options(budgets=budgets, sandbox=sandbox, repeat=False, compare_reference=False)
    failures = []
    with one_core_busy():
        for run in range(1, RUNS + 1):
            report = judge(challenge, Source.from_path(path), options)
            if report.verdict is not Verdict.AC:
                failing = [
                    f"{t.name}: {t.verdict.value} ({t.time_ms:.0f} of {t.budget_ms:.0f} ms)"
                    for t in report.tests
                    if t.verdict is not Verdict.AC
                ]
                failures.append(f"run {run}: {report.verdict.value}; {', '.join(failing[:5])}")
    assert not failures, f"{path} with one core busy: " + " | ".join(failures)
