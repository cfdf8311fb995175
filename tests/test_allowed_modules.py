"""allowed_modules: the child imports them before the solution, and again after every restart."""

from __future__ import annotations

import re

import pytest

from judge.judging.engine import Options, judge
from judge.model.errors import ChallengeError
from judge.model.source import Source
from judge.model.verdict import Verdict
from judge.problems.problemset import ProblemSet, builtin_root
from judge.runner.protocol import Answer
from judge.runner.sandbox import ProcessSandbox
from judge.runner.session import MIB, Session

BUILTIN = ProblemSet(builtin_root(), "built-in")

#: Says whether numpy was already imported when the solution's module ran; spins on request.
PROBE = """
import sys
NUMPY_BEFORE_LOAD = "numpy" in sys.modules

def f(spin):
    while spin:
        pass
    import numpy  # a dictionary lookup when the module is preloaded
    return NUMPY_BEFORE_LOAD
"""


def session(preload: tuple[str, ...]) -> Session:
    return Session(ProcessSandbox(), "f", 256 * MIB, repeat=False, preload=preload)


def answer(s: Session, spin: bool) -> str | None:
    run = s.run(f'{{"args": [{str(spin).lower()}], "kwargs": {{}}}}', budget_s=0.3)
    assert run.call is not None
    return run.answer.reply.json if run.answer is not None and isinstance(run.answer.reply, Answer) else None


@pytest.mark.timeout(60)
def test_allowed_modules_are_imported_before_the_solution_and_after_a_restart() -> None:
    s = session(("numpy",))
    try:
        assert s.load(PROBE, cpu_backstop_s=30).done
        assert answer(s, spin=False) == "true"
        assert answer(s, spin=True) is None  # over its budget: the child is killed
        assert s.child is not None and not s.child.alive
        # The restarted child imported numpy again before reloading the solution.
        assert answer(s, spin=False) == "true"
        assert s.unavailable == ()
    finally:
        s.close()


@pytest.mark.timeout(60)
def test_without_allowed_modules_nothing_is_preloaded() -> None:
    s = session(())
    try:
        assert s.load(PROBE, cpu_backstop_s=30).done
        assert answer(s, spin=False) == "false"
    finally:
        s.close()


@pytest.mark.timeout(60)
def test_a_module_that_cannot_be_imported_is_named_not_fatal() -> None:
    s = session(("no_such_module_for_the_judge", "numpy"))
    try:
        assert s.load(PROBE, cpu_backstop_s=30).done
        [why] = s.unavailable
        assert why.startswith("no_such_module_for_the_judge: ModuleNotFoundError")
        assert answer(s, spin=False) == "true"  # the others were still imported
    finally:
        s.close()


def test_every_challenge_whose_statement_allows_numpy_preloads_it() -> None:
    for cid in BUILTIN.ids():
        ch = BUILTIN.challenge(cid)
        allows = re.search(r"numpy[^.\n]*\ballowed\b", ch.statement()) is not None
        assert allows == ("numpy" in ch.config.allowed_modules), cid


@pytest.mark.timeout(120)
def test_the_engine_preloads_what_the_challenge_allows() -> None:
    # roc_auc's challenge.toml allows numpy: a solution that refuses to work unless numpy
    # was imported before it loaded, and that imports it inside its function, gets AC.
    ch = BUILTIN.challenge("roc_auc")
    guard = "import sys\nif 'numpy' not in sys.modules:\n    raise RuntimeError('numpy was not preloaded')\n"
    body = (builtin_root() / "solutions" / "roc_auc" / "accepted" / "numpy_midranks.py").read_text()
    body = body.replace("import numpy as np\n", "").replace(
        "    if len(y_true)", "    import numpy as np\n    if len(y_true)", 1
    )
    report = judge(ch, Source("inside.py", (guard + body).encode()), Options(budgets={t.name: 5.0 for t in ch.tests}))
    assert report.verdict is Verdict.AC, report.compile_error


def test_a_bad_module_name_is_a_config_error(tmp_path) -> None:
    from judge.problems.config import load_config

    path = tmp_path / "challenge.toml"
    path.write_text('title = "t"\nfunction = "f"\nsignature = "f()"\nallowed_modules = ["numpy", "os; rm"]\n')
    with pytest.raises(ChallengeError) as caught:
        load_config(path)
    assert "'allowed_modules[1]' must be a module name such as numpy" in caught.value.detail
