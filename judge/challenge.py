"""A challenge folder: its config, statement, stub, tests and known solutions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from judge.config import Config, load_config
from judge.errors import ChallengeError
from judge.verdict import FOLDERS, Verdict

CONFIG = "challenge.toml"
STATEMENT = "statement.md"
STUB = "stub.py"
SAMPLE = "tests/sample.json"
HIDDEN = "tests/hidden.json"
GENERATOR = "generator.py"
CHECKER = "checker.py"


@dataclass
class TestCase:
    """One call of the solution's function and what it must give."""

    name: str
    hidden: bool
    args: list[Any]
    kwargs: dict[str, Any] = field(default_factory=dict)
    #: The expected return value (plain data); None with ``raises`` set.
    expected: Any = None
    #: The name of the exception class the call must raise (e.g. "ValueError").
    raises: str | None = None
    #: The input size n, for tests in a growth family.
    size: int | None = None
    #: Whether ``expected``/``raises`` came from the test file (else from the reference).
    stored: bool = False

    @cached_property
    def expected_json(self) -> str:
        """The expected answer as the child writes answers (plain() then JSON): equal text, equal answer."""
        from judge.runner.harness import to_json

        return to_json(self.expected)

    @cached_property
    def call_json(self) -> str:
        """The arguments as sent to the child, serialised once however often the test runs."""
        return json.dumps({"args": self.args, "kwargs": self.kwargs})


@dataclass
class Challenge:
    id: str
    path: Path
    #: The folder holding this challenge's known solutions (solutions/<id>).
    solutions_path: Path
    #: Where the challenge comes from: "built-in" or the problem set's folder.
    origin: str

    @cached_property
    def config(self) -> Config:
        return load_config(self.path / CONFIG)

    @property
    def statement_path(self) -> Path:
        return self.path / STATEMENT

    @property
    def stub_path(self) -> Path:
        return self.path / STUB

    @property
    def reference_path(self) -> Path:
        return self.solutions_path / "accepted" / self.config.reference

    @property
    def checker_path(self) -> Path | None:
        path = self.path / CHECKER
        return path if path.is_file() else None

    def statement(self) -> str:
        try:
            return self.statement_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ChallengeError(f"{self.statement_path}: missing; write the problem statement there") from None

    def stub(self) -> str:
        try:
            return self.stub_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ChallengeError(f"{self.stub_path}: missing; write the starting code there") from None

    def solutions(self) -> list[tuple[Path, Verdict]]:
        """Every known solution file with the verdict its folder says it must get."""
        found = []
        for folder, verdict in FOLDERS.items():
            for path in sorted((self.solutions_path / folder).glob("*.py")):
                found.append((path, verdict))
        return found

    def accepted(self) -> list[Path]:
        return [p for p, v in self.solutions() if v is Verdict.AC]

    def source_files(self) -> list[Path]:
        """The files whose content defines the tests and their expected answers."""
        files = [self.path / CONFIG, self.path / SAMPLE, self.path / HIDDEN, self.path / GENERATOR]
        if self.checker_path:
            files.append(self.checker_path)
        files.append(self.reference_path)
        return files

    @cached_property
    def digest(self) -> str:
        """A hash of everything that decides the tests and answers: the challenge's version."""
        h = hashlib.sha256()
        for path in self.source_files():
            h.update(path.name.encode() + b"\0")
            h.update(path.read_bytes() if path.is_file() else b"<missing>")
            h.update(b"\0")
        return h.hexdigest()[:16]

    @cached_property
    def tests(self) -> list[TestCase]:
        """Sample tests first, then hidden ones (file, then generator), expected answers filled."""
        from judge.testdata import load_tests

        return load_tests(self)

    def counts(self) -> tuple[int, int]:
        """(samples, hidden) without computing any expected answer: cheap enough for 'judge list'.

        Cached by the digest, so 'judge list' reads a few bytes, not megabytes of generated input.
        """
        from judge import cache
        from judge.testdata import generate, read_json_tests

        key = f"counts/{self.id}-{self.digest}.json"
        known = cache.load(key)
        if isinstance(known, list) and len(known) == 2:
            return known[0], known[1]
        samples = len(read_json_tests(self.path / SAMPLE, hidden=False))
        hidden = len(read_json_tests(self.path / HIDDEN, hidden=True)) + len(generate(self))
        cache.store(key, [samples, hidden])
        return samples, hidden

    def validate_folder(self) -> None:
        """Raise ChallengeError for the first missing piece a run cannot do without."""
        self.config  # noqa: B018 - parses and checks the config
        if not (self.path / SAMPLE).is_file():
            raise ChallengeError(f"{self.path / SAMPLE}: missing; a challenge needs sample tests")
        if not (self.path / HIDDEN).is_file() and not (self.path / GENERATOR).is_file():
            raise ChallengeError(f"{self.path / HIDDEN}: missing; a challenge needs hidden tests (or a {GENERATOR})")
