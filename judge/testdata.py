"""Reading a challenge's tests: hand-written JSON, a seeded generator, and the
reference's answers for tests that do not store their own (cached on disk)."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from judge import cache
from judge.errors import ChallengeError
from judge.runner.harness import Unsupported, decode, plain, unplain

if TYPE_CHECKING:
    from judge.challenge import Challenge, TestCase

#: The version of plain()'s encoding, part of the cache key of stored answers.
WIRE = "w2"
_KEYS = {"name", "args", "kwargs", "expected", "raises", "size"}


def parse_case(raw: Any, where: str, hidden: bool, default_name: str) -> TestCase:
    """Check one test's JSON object and build it; errors name the file and the test."""
    from judge.challenge import TestCase

    if not isinstance(raw, dict):
        raise ChallengeError(f"{where}: each test must be a JSON object, not {type(raw).__name__}")
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise ChallengeError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(_KEYS))})")
    name = raw.get("name", default_name)
    if not isinstance(name, str) or not name:
        raise ChallengeError(f"{where}: 'name' must be a non-empty string")
    where = f"{where} (test {name!r})"
    args = raw.get("args")
    kwargs = raw.get("kwargs", {})
    if not isinstance(args, list):
        raise ChallengeError(f"{where}: 'args' must be a list of the function's arguments")
    if not isinstance(kwargs, dict):
        raise ChallengeError(f"{where}: 'kwargs' must be an object")
    if "expected" in raw and "raises" in raw:
        raise ChallengeError(f"{where}: give 'expected' or 'raises', not both")
    raises = raw.get("raises")
    if raises is not None and (not isinstance(raises, str) or not raises.isidentifier()):
        raise ChallengeError(f"{where}: 'raises' must be an exception class name such as \"ValueError\"")
    size = raw.get("size")
    if size is not None and (not isinstance(size, int) or isinstance(size, bool) or size < 1):
        raise ChallengeError(f"{where}: 'size' must be a positive integer")
    return TestCase(
        name=name,
        hidden=hidden,
        args=args,
        kwargs=kwargs,
        expected=raw.get("expected"),
        raises=raises,
        size=size,
        stored="expected" in raw or raises is not None,
    )


def read_json_tests(path: Path, hidden: bool) -> list[TestCase]:
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ChallengeError(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(data, list):
        raise ChallengeError(f"{path}: must hold a JSON list of tests")
    prefix = "hidden" if hidden else "sample"
    return [parse_case(raw, str(path), hidden, f"{prefix}-{i}") for i, raw in enumerate(data, 1)]


def import_file(path: Path, name: str) -> ModuleType:
    """Import a trusted file of the challenge's (generator, checker, reference) by path."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ChallengeError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except FileNotFoundError:
        raise ChallengeError(f"{path}: missing") from None
    except Exception as exc:
        raise ChallengeError(f"{path}: fails to import: {type(exc).__name__}: {exc}") from None
    return module


def generate(challenge: Challenge, seed: int | None = None, *, fresh: bool = False) -> list[TestCase]:
    """The generator's hidden tests for a seed (the config's by default).

    ``fresh`` runs the generator even when its tests are cached (validate's determinism check).
    """
    from judge.challenge import GENERATOR

    path = challenge.path / GENERATOR
    if not path.is_file():
        return []
    where = f"{path} (generate)"
    # The config's seed gives the same tests until the challenge changes (its digest
    # covers generator.py and the config), so they are cached: a generator can take
    # far longer than judging a fast solution does.
    key = f"generated/{challenge.id}-{challenge.digest}.json" if seed is None and not fresh else None
    raws = cache.load(key) if key else None
    if isinstance(raws, list):
        return [parse_case(raw, where, True, f"gen-{i}") for i, raw in enumerate(raws, 1)]
    module = import_file(path, f"_judge_generator_{challenge.id}")
    gen = getattr(module, "generate", None)
    if not callable(gen):
        raise ChallengeError(f"{path}: must define generate(rng) returning a list of tests")
    rng = random.Random(challenge.config.seed if seed is None else seed)
    try:
        raws = list(gen(rng))
    except Exception as exc:
        raise ChallengeError(f"{path}: generate() failed: {type(exc).__name__}: {exc}") from None
    cases = [parse_case(raw, where, True, f"gen-{i}") for i, raw in enumerate(raws, 1)]
    for case in cases:
        # Generated inputs go through JSON like every other test, so what the
        # reference sees in-process is exactly what the solution will see.
        case.args = json.loads(json.dumps(case.args))
        case.kwargs = json.loads(json.dumps(case.kwargs))
    if key:
        try:
            cache.store(key, [_raw(case) for case in cases])
        except (TypeError, ValueError):  # an expected answer JSON cannot hold: just not cached
            pass
    return cases


def _raw(case: TestCase) -> dict[str, Any]:
    raw: dict[str, Any] = {"name": case.name, "args": case.args, "kwargs": case.kwargs}
    if case.stored:
        raw.update({"raises": case.raises} if case.raises is not None else {"expected": case.expected})
    if case.size is not None:
        raw["size"] = case.size
    return raw


def reference_answer(func: Any, case: TestCase) -> tuple[Any, str | None]:
    """(expected value, raised exception name) of the reference on one test."""
    try:
        value = func(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
    except Exception as exc:
        return None, type(exc).__name__
    try:
        return unplain(plain(value)), None
    except Unsupported as exc:
        raise ChallengeError(f"reference answer for test {case.name!r}: {exc}") from None


def load_reference(challenge: Challenge) -> Any:
    path = challenge.reference_path
    if not path.is_file():
        raise ChallengeError(
            f"{path}: missing; the reference solution named by 'reference' in {challenge.path / 'challenge.toml'}"
        )
    module = import_file(path, f"_judge_reference_{challenge.id}")
    func = getattr(module, challenge.config.function, None)
    if not callable(func):
        raise ChallengeError(f"{path}: defines no function {challenge.config.function!r}")
    return func


def load_tests(challenge: Challenge) -> list[TestCase]:
    from judge.challenge import HIDDEN, SAMPLE

    challenge.validate_folder()
    tests = read_json_tests(challenge.path / SAMPLE, hidden=False)
    tests += read_json_tests(challenge.path / HIDDEN, hidden=True)
    tests += generate(challenge)
    names = set()
    for case in tests:
        if case.name in names:
            raise ChallengeError(f"{challenge.path}: two tests are named {case.name!r}; names must be unique")
        names.add(case.name)
    _fill_expected(challenge, [t for t in tests if not t.stored])
    return tests


def _fill_expected(challenge: Challenge, todo: list[TestCase]) -> None:
    if not todo:
        return
    key = f"expected/{WIRE}/{challenge.id}-{challenge.digest}.json"
    # Decoded in one pass, markers included: answers can be megabytes.
    answers = cache.load(key, decode)
    if not isinstance(answers, dict) or set(answers) != {t.name for t in todo}:
        func = load_reference(challenge)
        answers = {}
        for case in todo:
            value, raises = reference_answer(func, case)
            answers[case.name] = {"raises": raises} if raises else {"expected": value}
        cache.store(key, {name: {k: plain(v) for k, v in a.items()} for name, a in answers.items()})
    for case in todo:
        answer = answers[case.name]
        case.raises = answer.get("raises")
        case.expected = answer.get("expected")
