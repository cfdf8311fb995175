"""Reading a challenge's tests: hand-written JSON, a seeded generator, and the
reference's answers for tests that do not store their own (cached on disk)."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

from judge.model.errors import ChallengeError
from judge.problems import cache
from judge.problems.folder import GENERATOR, HIDDEN, SAMPLE, ChallengeFolder
from judge.problems.testcase import TestCase, parse_case
from judge.runner.harness import Unsupported, plain, unplain

#: The version of plain()'s encoding, part of the cache key of stored answers.
WIRE = "w2"


def read_json_tests(path: Path, hidden: bool) -> list[TestCase]:
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ChallengeError(path, f"not valid JSON: {exc}") from None
    if not isinstance(data, list):
        raise ChallengeError(path, "must hold a JSON list of tests")
    prefix = "hidden" if hidden else "sample"
    return [parse_case(raw, path, hidden, f"{prefix}-{i}") for i, raw in enumerate(data, 1)]


def import_file(path: Path, name: str) -> ModuleType:
    """Import a trusted file of the challenge's (generator, checker, reference) by path."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ChallengeError(path, "cannot be imported")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except FileNotFoundError:
        raise ChallengeError(path, "missing") from None
    except Exception as exc:
        raise ChallengeError(path, f"fails to import: {type(exc).__name__}: {exc}") from None
    return module


def generate(challenge: ChallengeFolder, seed: int | None = None, *, fresh: bool = False) -> list[TestCase]:
    """The generator's hidden tests for a seed (the config's by default).

    ``fresh`` runs the generator even when its tests are cached (validate's determinism check).
    """
    path = challenge.path / GENERATOR
    if not path.is_file():
        return []
    # The config's seed gives the same tests until the challenge changes (its digest
    # covers generator.py and the config), so they are cached: a generator can take
    # far longer than judging a fast solution does.
    key = f"generated/{challenge.id}-{challenge.digest}" if seed is None and not fresh else None
    raws = cache.load_data(key) if key else None
    if isinstance(raws, list):
        return [parse_case(raw, path, True, f"gen-{i}", "generate()") for i, raw in enumerate(raws, 1)]
    module = import_file(path, f"_judge_generator_{challenge.id}")
    gen = getattr(module, "generate", None)
    if not callable(gen):
        raise ChallengeError(path, "must define generate(rng) returning a list of tests")
    rng = random.Random(challenge.config.seed if seed is None else seed)
    try:
        raws = list(gen(rng))
    except Exception as exc:
        raise ChallengeError(path, f"generate() failed: {type(exc).__name__}: {exc}") from None
    cases = [parse_case(raw, path, True, f"gen-{i}", "generate()") for i, raw in enumerate(raws, 1)]
    for case in cases:
        # Generated inputs go through JSON like every other test, so what the
        # reference sees in-process is exactly what the solution will see.
        case.args = json.loads(json.dumps(case.args))
        case.kwargs = json.loads(json.dumps(case.kwargs))
    if key:
        try:
            cache.store_data(key, [_raw(case) for case in cases])
        except ValueError:  # an expected answer that is not plain data: just not cached
            pass
    return cases


def _raw(case: TestCase) -> dict[str, Any]:
    raw: dict[str, Any] = {"name": case.name, "args": case.args, "kwargs": case.kwargs}
    if case.stored:
        raw.update({"raises": case.raises} if case.raises is not None else {"expected": case.expected})
    if case.size is not None:
        raw["size"] = case.size
    return raw


def missing_tests(challenge: ChallengeFolder, samples: int, hidden: int) -> list[ChallengeError]:
    """What is missing of the tests a challenge needs: at least one sample test and one hidden test."""
    problems = []
    if samples == 0:
        why = "no sample tests; a challenge needs at least one (shown to the solver)"
        problems.append(ChallengeError(challenge.path / SAMPLE, why))
    if hidden == 0:
        problems.append(ChallengeError(challenge.path / HIDDEN, f"no hidden tests; add some here or a {GENERATOR}"))
    return problems


def reference_answer(func: Any, case: TestCase, path: Path) -> tuple[Any, str | None]:
    """(expected value, raised exception name) of the reference (from ``path``) on one test."""
    try:
        value = func(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
    except Exception as exc:
        return None, type(exc).__name__
    try:
        return unplain(plain(value)), None
    except Unsupported as exc:
        raise ChallengeError(path, f"the reference's answer cannot be judged: {exc}", test=case.name) from None


def load_reference(challenge: ChallengeFolder) -> Any:
    """The reference's function, imported in this process (it is trusted code)."""
    path = challenge.require_reference()
    module = import_file(path, f"_judge_reference_{challenge.id}")
    func = getattr(module, challenge.config.function, None)
    if not callable(func):
        raise ChallengeError(path, f"defines no function {challenge.config.function!r}")
    return func


def load_tests(challenge: ChallengeFolder) -> list[TestCase]:
    """Sample tests first, then hidden ones (file, then generator), expected answers filled."""
    challenge.config  # noqa: B018 - parses and checks the config first: nothing else makes sense without it
    samples = read_json_tests(challenge.path / SAMPLE, hidden=False)
    hidden = read_json_tests(challenge.path / HIDDEN, hidden=True) + generate(challenge)
    for problem in missing_tests(challenge, len(samples), len(hidden)):
        raise problem
    tests = samples + hidden
    names = set()
    for case in tests:
        if case.name in names:
            raise ChallengeError(challenge.path, "two tests have this name; names must be unique", test=case.name)
        names.add(case.name)
    _fill_expected(challenge, [t for t in tests if not t.stored])
    return tests


def _fill_expected(challenge: ChallengeFolder, todo: list[TestCase]) -> None:
    if not todo:
        return
    key = f"expected/{WIRE}/{challenge.id}-{challenge.digest}"
    # Read in one pass: answers can be megabytes. They are plain data (the reference's
    # answer as the wire gives it back, reference_answer), which the cache keeps as is.
    answers = cache.load_data(key)
    if not isinstance(answers, dict) or set(answers) != {t.name for t in todo}:
        func = load_reference(challenge)
        answers = {}
        for case in todo:
            value, raises = reference_answer(func, case, challenge.reference_path)
            answers[case.name] = {"raises": raises} if raises else {"expected": value}
        try:
            cache.store_data(key, answers)
        except ValueError:  # nested deeper than marshal goes: just not cached
            pass
    for case in todo:
        answer = answers[case.name]
        case.raises = answer.get("raises")
        case.expected = answer.get("expected")
