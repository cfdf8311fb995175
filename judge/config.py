"""A challenge's ``challenge.toml``: parsed strictly, so a typo is named, not ignored."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judge.errors import ChallengeError, did_you_mean

DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class Limits:
    #: Per-test CPU budget = time_multiplier × the slowest accepted solution on that test.
    time_multiplier: float = 3.0
    #: No per-test budget is ever below this.
    time_floor_ms: float = 100.0
    #: A fixed per-test budget instead of calibration (for challenges without accepted solutions).
    time_ms: float | None = None
    #: What the solution may allocate during one test, above what it held before the call.
    memory_mib: float = 256.0


@dataclass(frozen=True)
class Check:
    #: Floats compare with math.isclose(rel_tol, abs_tol); everything else compares exactly.
    rel_tol: float = 0.0
    abs_tol: float = 0.0
    #: The answer is a sequence whose order does not matter.
    unordered: bool = False


@dataclass(frozen=True)
class Grading:
    #: Score weights of hidden tests by test-name prefix (longest prefix wins; others weigh 1).
    #: ``judge grade`` scores a submission as the weighted fraction of hidden tests passed.
    weights: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    title: str
    function: str
    signature: str
    difficulty: str = "medium"
    #: The file under solutions/<id>/accepted/ whose answers are the expected outputs.
    reference: str = "reference.py"
    #: The seed handed to generator.py.
    seed: int = 0
    limits: Limits = field(default_factory=Limits)
    check: Check = field(default_factory=Check)
    grading: Grading = field(default_factory=Grading)


_SECTIONS: dict[str, type] = {"limits": Limits, "check": Check, "grading": Grading}
_REQUIRED = ("title", "function", "signature")


def _type_ok(value: Any, annotation: str) -> bool:
    if "float" in annotation and isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    if "None" in annotation and value is None:
        return True
    if annotation.startswith("int"):
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation.startswith("bool"):
        return isinstance(value, bool)
    if annotation.startswith("dict[str, float]"):
        return isinstance(value, dict) and all(_type_ok(v, "float") and v >= 0 for v in value.values())
    if annotation.startswith("str"):
        return isinstance(value, str)
    return False


def _build(cls: type, data: dict[str, Any], where: str, path: Path) -> Any:
    fields = {f.name: f for f in cls.__dataclass_fields__.values()}  # type: ignore[attr-defined]
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key in _SECTIONS and cls is Config:
            if not isinstance(value, dict):
                raise ChallengeError(f"{path}: [{key}] must be a table")
            kwargs[key] = _build(_SECTIONS[key], value, f"{key}.", path)
            continue
        if key not in fields:
            hint = did_you_mean(key, list(fields))
            raise ChallengeError(f"{path}: unknown key '{where}{key}'{hint}")
        annotation = str(fields[key].type)
        if not _type_ok(value, annotation):
            raise ChallengeError(
                f"{path}: '{where}{key}' must be {annotation.replace(' | None', '')}, "
                f"not {type(value).__name__} ({value!r})"
            )
        if annotation.startswith("dict[str, float]"):
            value = {str(k): float(v) for k, v in value.items()}
        elif "float" in annotation and value is not None:
            value = float(value)
        kwargs[key] = value
    return cls(**kwargs)


def load_config(path: Path) -> Config:
    """Parse and check ``challenge.toml``; every problem raises ChallengeError naming the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ChallengeError(f"{path}: missing; every challenge needs a challenge.toml") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ChallengeError(f"{path}: not valid TOML: {exc}") from None
    missing = [k for k in _REQUIRED if k not in data]
    if missing:
        raise ChallengeError(f"{path}: missing required key '{missing[0]}'")
    config: Config = _build(Config, data, "", path)
    if config.difficulty not in DIFFICULTIES:
        raise ChallengeError(
            f"{path}: 'difficulty' must be one of {', '.join(DIFFICULTIES)}, not {config.difficulty!r}"
        )
    if not config.function.isidentifier():
        raise ChallengeError(f"{path}: 'function' must be a Python identifier, not {config.function!r}")
    if config.limits.time_multiplier < 1:
        raise ChallengeError(f"{path}: 'limits.time_multiplier' must be at least 1")
    return config
