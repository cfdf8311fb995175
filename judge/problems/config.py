"""Reading ``challenge.toml``: parsed strictly, so a typo is named, not ignored."""

from __future__ import annotations

import tomllib
from pathlib import Path

from judge.model.config import Config
from judge.model.errors import ChallengeError
from judge.model.schema import SchemaError, convert


def load_config(path: Path) -> Config:
    """Parse and check ``challenge.toml``; every problem raises ChallengeError naming the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ChallengeError(path, "missing; every challenge needs a challenge.toml") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ChallengeError(path, f"not valid TOML: {exc}") from None
    try:
        return convert(data, Config)
    except SchemaError as exc:
        raise ChallengeError(path, exc.message) from None
