"""A challenge folder on disk: where each file is, the config, the known solutions, the version.

The tests themselves are read by ``judge.problems.testdata``; ``Challenge`` puts both together.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from judge.model.errors import ChallengeError
from judge.model.verdict import FOLDERS, Verdict

if TYPE_CHECKING:
    from judge.model.config import Config

CONFIG = "challenge.toml"
STATEMENT = "statement.md"
STUB = "stub.py"
SAMPLE = "tests/sample.json"
HIDDEN = "tests/hidden.json"
GENERATOR = "generator.py"
CHECKER = "checker.py"
STRATEGY = "strategy.py"


@dataclass
class ChallengeFolder:
    id: str
    path: Path
    #: The folder holding this challenge's known solutions (solutions/<id>).
    solutions_path: Path
    #: Where the challenge comes from: "built-in" or the problem set's folder.
    origin: str

    @cached_property
    def config(self) -> Config:
        # Deferred (msgspec and tomllib): `judge run` starts its sandbox probe before they load.
        from judge.problems.config import load_config

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
    def strategy_path(self) -> Path | None:
        """The counterexample search's strategy.py, when the challenge has one."""
        path = self.path / STRATEGY
        return path if path.is_file() else None

    @property
    def checker_path(self) -> Path | None:
        path = self.path / CHECKER
        return path if path.is_file() else None

    def statement(self) -> str:
        return _read(self.statement_path, "missing; write the problem statement there")

    def stub(self) -> str:
        return _read(self.stub_path, "missing; write the starting code there")

    def require_reference(self) -> Path:
        """The reference solution's path; a ChallengeError when it is not there."""
        path = self.reference_path
        if not path.is_file():
            raise ChallengeError(path, f"missing; the reference solution named by 'reference' in {CONFIG}")
        return path

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
        import hashlib  # deferred, as load_config is: OpenSSL takes milliseconds to load

        h = hashlib.sha256()
        for path in self.source_files():
            h.update(path.name.encode() + b"\0")
            h.update(path.read_bytes() if path.is_file() else b"<missing>")
            h.update(b"\0")
        return h.hexdigest()[:16]


def _read(path: Path, why_missing: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ChallengeError(path, why_missing) from None
