"""``judge validate``: is a challenge folder sound? Every problem names its file and the reason.

Checks, in order (a later check needs the earlier ones): the config parses; the
statement and stub exist; sample and hidden tests exist and parse, and the
generator is deterministic; stored expected answers equal the reference's;
the stub loads and is rejected; every known solution gets its folder's verdict;
and the budgets separate accepted from time_limit_exceeded solutions by measured
margins (``judge.authoring.margins``), on the machine as it is and with one core busy.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from judge.authoring import margins as margin
from judge.authoring.busy import one_core_busy
from judge.checkers.values import show
from judge.judging.calibration import budgets_for
from judge.judging.engine import Options, judge
from judge.judging.run import new_session
from judge.model.errors import ChallengeError
from judge.model.events import Checking, EventFn, ignore
from judge.model.report import Report
from judge.model.source import Source
from judge.model.verdict import FOLDERS, Verdict
from judge.problems.calls import Reference, drawn_call, load_strategy
from judge.problems.challenge import Challenge
from judge.problems.folder import CONFIG, GENERATOR, HIDDEN, SAMPLE
from judge.problems.testcase import TestCase
from judge.problems.testdata import generate, load_reference, missing_tests, read_json_tests, reference_answer
from judge.runner.sandbox import ProcessSandbox, best_sandbox

#: Budget per test when calibration failed and the stub must still be tried.
FALLBACK_BUDGET_S = 1.0


class Severity(StrEnum):
    ERROR = "error"  #: the challenge is broken: validate exits 1
    WARNING = "warning"  #: sound, but fragile (a verdict close to the time limit)


@dataclass(frozen=True)
class Problem:
    #: The file at fault, relative to the problem set's folder.
    file: str
    reason: str
    severity: Severity = Severity.ERROR
    #: Which kind of check found it: "margins" for a time margin (a timing, so it depends on
    #: the machine and the moment), "" for the rest (the same on every machine).
    check: str = ""


@dataclass
class Validation:
    challenge: str
    origin: str
    problems: list[Problem] = field(default_factory=list)
    #: What was checked and passed, one line each (for the terminal view).
    checked: list[str] = field(default_factory=list)
    #: The time margins measured, quiet and (unless skipped) with one core busy.
    margins: list[margin.Margins] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    def to_dict(self) -> dict[str, Any]:
        return {
            "challenge": self.challenge,
            "origin": self.origin,
            "ok": self.ok,
            "problems": [asdict(p) | {"severity": p.severity.value} for p in self.problems],
            "checked": self.checked,
            "margins": {
                "thresholds": margin.thresholds(),
                **{m.condition: m.to_dict() for m in self.margins},
            },
        }


class _Collector:
    def __init__(self, challenge: Challenge, result: Validation) -> None:
        self.base = challenge.path.parent.parent
        self.result = result

    def rel(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return str(path.resolve().relative_to(self.base.resolve()))
        except ValueError:
            return str(path)

    def add(self, path: Path | str, reason: str, severity: Severity = Severity.ERROR, check: str = "") -> None:
        self.result.problems.append(Problem(self.rel(path), reason, severity, check))

    def error(self, exc: ChallengeError) -> None:
        self.add(exc.path, exc.detail)

    def ok(self, line: str) -> None:
        self.result.checked.append(line)


def validate(
    challenge: Challenge, sandbox: ProcessSandbox | None = None, on_event: EventFn = ignore, *, busy: bool = True
) -> Validation:
    """Check one challenge folder and its known solutions (``busy``: time margins with one core busy too)."""
    result = Validation(challenge.id, challenge.origin)
    out = _Collector(challenge, result)
    try:
        challenge.config  # noqa: B018 - parses and checks the config
    except ChallengeError as exc:
        out.error(exc)
        return result  # nothing else can be read without it
    out.ok("challenge.toml parses")
    _files(challenge, out)
    tests = _tests(challenge, out)
    if tests is None or not result.ok:
        return result
    _expected(challenge, tests, out)
    _strategy(challenge, out)
    if not result.ok:
        return result
    _solutions(challenge, sandbox or best_sandbox(), on_event, out, busy)
    return result


#: How many inputs validate draws from a strategy.py to check them.
STRATEGY_DRAWS = 25


def _strategy(challenge: Challenge, out: _Collector) -> None:
    """strategy.py loads, and what it draws are calls that fit the function and that the reference answers."""
    path = challenge.strategy_path
    if path is None:
        return
    try:
        strategy = load_strategy(challenge)
        reference = Reference(challenge)
    except ChallengeError as exc:
        out.error(exc)
        return
    # Deferred: Hypothesis is slow to import, and only strategies need it.
    from hypothesis import HealthCheck, Phase, find, settings
    from hypothesis.errors import NoSuchExample

    problems: list[str] = []

    def fits(drawn: object) -> bool:
        try:
            call = drawn_call(drawn, path)
            why = reference.misfit(call)
            if why is not None:
                problems.append(f"inputs() drew a call that does not fit {challenge.config.signature}: {why}")
                return True
            reference.case("strategy", call)
        except ChallengeError as exc:
            problems.append(exc.reason)
            return True
        return False

    options = settings(
        database=None,
        deadline=None,
        derandomize=True,
        max_examples=STRATEGY_DRAWS,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    assert strategy is not None  # the file exists
    try:
        find(strategy, fits, settings=options)
    except NoSuchExample:
        pass
    except Exception as exc:  # the author's strategy failed while drawing
        problems.append(f"drawing from inputs() failed: {type(exc).__name__}: {exc}")
    if problems:
        out.add(path, problems[0])
    else:
        out.ok(f"strategy.py draws calls the reference answers ({STRATEGY_DRAWS} tried)")


def _files(challenge: Challenge, out: _Collector) -> None:
    for path, what in ((challenge.statement_path, "the problem statement"), (challenge.stub_path, "the starting code")):
        if not path.is_file():
            out.add(path, f"missing; write {what} there")
    if not challenge.solutions_path.is_dir():
        return
    for folder in sorted(p for p in challenge.solutions_path.iterdir() if p.is_dir()):
        if folder.name not in FOLDERS and not folder.name.startswith(("_", ".")):
            out.add(folder, f"unknown solutions folder; known ones: {', '.join(FOLDERS)}", Severity.WARNING)


def _tests(challenge: Challenge, out: _Collector) -> dict[str, tuple[Path, TestCase]] | None:
    """Every test by name with the file it comes from; None when they cannot be read."""
    found: dict[str, tuple[Path, TestCase]] = {}
    counts = {}
    unreadable: set[str] = set()  # named already: not "no tests" as well
    for rel, hidden in ((SAMPLE, False), (HIDDEN, True)):
        path = challenge.path / rel
        try:
            cases = read_json_tests(path, hidden=hidden)
        except ChallengeError as exc:
            out.error(exc)
            unreadable.add(rel)
            cases = []
        counts[rel] = len(cases)
        for case in cases:
            found.setdefault(case.name, (path, case))
    gen_path = challenge.path / GENERATOR
    generated: list[TestCase] = []
    if gen_path.is_file():
        try:
            generated = generate(challenge, fresh=True)
            again = generate(challenge, fresh=True)
            if _fingerprint(generated) != _fingerprint(again):
                out.add(
                    gen_path,
                    "not deterministic: the same seed gave different tests; draw every random choice from the "
                    "rng argument (not the random module, the clock or set order)",
                )
            else:
                out.ok(f"generator.py: {len(generated)} tests, the same twice from seed {challenge.config.seed}")
        except ChallengeError as exc:
            out.error(exc)
            unreadable.add(GENERATOR)
    for case in generated:
        found.setdefault(case.name, (gen_path, case))
    # A file that could not be read is named already: not "no tests" as well.
    n_samples = counts[SAMPLE] + (1 if SAMPLE in unreadable else 0)
    n_hidden = counts[HIDDEN] + len(generated) + (1 if unreadable & {HIDDEN, GENERATOR} else 0)
    for problem in missing_tests(challenge, n_samples, n_hidden):
        out.error(problem)
    if not out.result.ok:
        return None
    try:
        challenge.tests  # noqa: B018 - unique names, the reference's answers for the rest
    except ChallengeError as exc:
        out.error(exc)
        return None
    out.ok(f"{counts[SAMPLE]} sample and {counts[HIDDEN] + len(generated)} hidden tests parse")
    return found


def _fingerprint(cases: list[TestCase]) -> str:
    return json.dumps([[c.name, c.args, c.kwargs, c.expected, c.raises, c.size] for c in cases], default=repr)


def _expected(challenge: Challenge, tests: dict[str, tuple[Path, TestCase]], out: _Collector) -> None:
    """Stored expected answers must be what the reference answers (as the checker judges it)."""
    stored = [(path, case) for path, case in tests.values() if case.stored]
    if not stored:
        return
    try:
        func = load_reference(challenge)
        checker = challenge.checker
    except ChallengeError as exc:
        out.error(exc)
        return
    ref = challenge.config.reference
    bad = 0
    for path, case in stored:
        try:
            value, raised = reference_answer(func, case, challenge.reference_path)
        except ChallengeError as exc:
            out.error(exc)
            bad += 1
            continue
        if case.raises is not None or raised is not None:
            if case.raises != raised:
                want = f"raises {case.raises}" if case.raises else f"expected {show(case.expected)}"
                got = f"raises {raised}" if raised else f"answers {show(value)}"
                out.add(path, f"test {case.name!r}: {want}, but the reference ({ref}) {got}")
                bad += 1
            continue
        verdict = checker.check(case.expected, value, args=case.args, kwargs=case.kwargs)
        if not verdict.ok:
            out.add(
                path,
                f"test {case.name!r}: expected {show(case.expected)}, but the reference ({ref}) answers "
                f"{show(value)}" + (f" ({verdict.message})" if verdict.message else ""),
            )
            bad += 1
    if not bad:
        out.ok(f"{len(stored)} stored expected answers agree with the reference ({ref})")


def _first_failure(report: Report) -> str:
    for t in report.tests:
        if t.verdict not in (Verdict.AC, Verdict.SKIPPED):
            detail = f": {t.message.splitlines()[-1]}" if t.message else ""
            return f"{t.verdict.value} on test {t.name!r}{detail}"
    if report.compile_error:
        return f"CE: {report.compile_error.splitlines()[-1]}"
    return report.verdict.value


def _solutions(challenge: Challenge, sandbox: ProcessSandbox, on_event: EventFn, out: _Collector, busy: bool) -> None:
    solutions = challenge.solutions()
    try:
        challenge.require_reference()
    except ChallengeError as exc:
        out.error(exc)
        return
    budgets: dict[str, float] | None = None
    try:
        budgets = budgets_for(challenge, sandbox, on_event).budgets_s
    except ChallengeError as exc:
        out.error(exc)

    def run(path: Path, scale: float, fail_fast: bool) -> Report:
        assert budgets is not None
        scaled = {name: seconds * scale for name, seconds in budgets.items()}
        # Timed once per test, as the verdict is: the judged call is what a margin is about.
        options = Options(budgets=scaled, sandbox=sandbox, fail_fast=fail_fast, compare_reference=False, repeat=False)
        return judge(challenge, Source.from_path(path), options)

    _allowed_modules(challenge, sandbox, out)
    on_event(Checking(challenge.id, "judging the stub"))
    stub_budgets = budgets or {t.name: FALLBACK_BUDGET_S for t in challenge.tests}
    if challenge.stub_path.is_file():
        options = Options(budgets=stub_budgets, sandbox=sandbox, fail_fast=True)
        stub = judge(challenge, Source.from_path(challenge.stub_path), options)
        if stub.verdict is Verdict.CE:
            out.add(challenge.stub_path, f"does not load: {_first_failure(stub)}")
        elif stub.verdict is Verdict.AC:
            out.add(challenge.stub_path, "passes every test; the starting code must be rejected")
        else:
            out.ok(f"stub.py loads and is rejected ({stub.verdict.value})")
    if budgets is None:
        return
    accepted: dict[Path, Report] = {}
    slow: dict[Path, Report] = {}
    for i, (path, want) in enumerate(solutions, 1):
        on_event(Checking(challenge.id, f"judging {path.parent.name}/{path.name} ({i}/{len(solutions)})"))
        report = run(path, 1.0, fail_fast=want is not Verdict.AC)
        name = f"{path.parent.name}/{path.name}"
        if want is Verdict.AC:
            if report.verdict is not Verdict.AC:
                out.add(path, f"gets {_first_failure(report)}; every accepted/ solution must get AC")
            else:
                accepted[path] = report
                out.ok(f"{name}: AC")
            continue
        if report.verdict is Verdict.AC:
            why = {
                Verdict.WA: "the tests miss the bug this file was put in wrong_answer/ for; add a test that catches it",
                Verdict.TLE: "the time budget does not separate it from the accepted solutions; add larger tests",
            }.get(want, f"it was expected to get {want.value}")
            out.add(path, f"passes every test: {why}")
            continue
        if report.verdict is not want:
            out.add(path, f"gets {_first_failure(report)}, but its folder {path.parent.name}/ says {want.value}")
            continue
        if want is Verdict.TLE:
            on_event(Checking(challenge.id, f"timing {name} with {margin.TLE_CAP:g}x the budgets"))
            slow[path] = run(path, margin.TLE_CAP, fail_fast=True)
        out.ok(f"{name}: {want.value} as its folder says ({_first_failure(report)})")
    _margins(challenge, out, margin.measure("quiet", accepted, slow, budgets, run))
    if busy and (accepted or slow):
        on_event(Checking(challenge.id, "timing the accepted and time_limit_exceeded/ solutions with one core busy"))
        with one_core_busy():
            accepted = {path: run(path, 1.0, False) for path in accepted}
            slow = {path: run(path, margin.TLE_CAP, True) for path in slow}
            measured = margin.measure("busy", accepted, slow, budgets, run)
        _margins(challenge, out, measured)


def _allowed_modules(challenge: Challenge, sandbox: ProcessSandbox, out: _Collector) -> None:
    """Every module of allowed_modules must import in the sandbox's Python, or solutions cannot use it."""
    modules = challenge.config.allowed_modules
    if not modules:
        return
    session = new_session(challenge, sandbox, repeat=False)
    try:
        session.load(f"def {challenge.config.function}(*args, **kwargs):\n    pass\n", cpu_backstop_s=60)
    finally:
        session.close()
    for why in session.unavailable:
        out.add(challenge.path / CONFIG, f"allowed_modules: cannot be imported by {sys.executable}: {why}")
    if not session.unavailable:
        out.ok(f"allowed_modules import in the sandbox: {', '.join(modules)}")


def _margins(challenge: Challenge, out: _Collector, m: margin.Margins) -> None:
    """Record one condition's margins; each one below its threshold is an error naming the solution."""
    out.result.margins.append(m)
    when = "with one core busy" if m.condition == "busy" else "on this machine as it is"
    if not m.accepted_ok:
        key = "limits.time_ms" if challenge.config.limits.time_ms is not None else "limits.time_multiplier"
        out.add(
            challenge.solutions_path / "accepted" / str(m.accepted_solution),
            f"its budget on test {m.accepted_test!r} is only {m.accepted:g}x its time {when} (validate needs at "
            f"least {margin.MIN_ACCEPTED:g}x): raise {key}, or move this file out of accepted/ if it is slower "
            "than the intended complexity",
            check="margins",
        )
    if not m.tle_ok:
        out.add(
            challenge.solutions_path / "time_limit_exceeded" / str(m.tle_solution),
            f"needs only {m.tle:g}x its budget on its worst test {m.tle_test!r} {when} (validate needs at least "
            f"{margin.MIN_TLE:g}x): make the large tests larger, so the complexity classes separate",
            check="margins",
        )
