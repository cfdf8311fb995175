"""A challenge: its folder, its tests with their expected answers, and how answers are checked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from judge.model.errors import ChallengeError
from judge.problems import cache
from judge.problems.folder import HIDDEN, SAMPLE, ChallengeFolder

if TYPE_CHECKING:
    from judge.checkers import Checker
    from judge.problems.testcase import TestCase


@dataclass
class Challenge(ChallengeFolder):
    @cached_property
    def tests(self) -> list[TestCase]:
        """Sample tests first, then hidden ones (file, then generator), expected answers filled."""
        from judge.problems.testdata import load_tests  # deferred: 'judge list' reads no tests

        return load_tests(self)

    def counts(self) -> tuple[int, int]:
        """(samples, hidden) without computing any expected answer: cheap enough for 'judge list'.

        Cached by the digest, so 'judge list' reads a few bytes, not megabytes of generated input.
        """
        key = f"counts/{self.id}-{self.digest}.json"
        known = cache.load(key)
        if isinstance(known, list) and len(known) == 2:
            return known[0], known[1]
        from judge.problems.testdata import generate, read_json_tests  # deferred: only on a cache miss

        samples = len(read_json_tests(self.path / SAMPLE, hidden=False))
        hidden = len(read_json_tests(self.path / HIDDEN, hidden=True)) + len(generate(self))
        cache.store(key, [samples, hidden])
        return samples, hidden

    @cached_property
    def checker(self) -> Checker:
        """The challenge's checker.py when it has one, else the value comparison its config sets."""
        # Deferred: 'judge list' never compares answers.
        from judge.checkers import custom_checker, default_checker
        from judge.problems.testdata import import_file

        path = self.checker_path
        if path is None:
            return default_checker(self.config.check)
        module = import_file(path, f"_judge_checker_{self.id}")
        fn = getattr(module, "check", None)
        if not callable(fn):
            raise ChallengeError(path, "must define check(expected, got, *, args, kwargs)")
        return custom_checker(fn)
