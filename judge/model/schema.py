"""One schema layer: plain data (TOML, JSON, CSV rows) into typed records, strictly.

The records are msgspec Structs or dataclasses, and msgspec decides what is valid. When
it refuses, ``explain`` walks the data against msgspec's own description of the type
(``msgspec.inspect``) and names the first problem by its path, with a did-you-mean for
a misspelt key, so the message a person reads never depends on parsing another
library's text.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import msgspec
import msgspec.inspect as mi

from judge.model.errors import did_you_mean

T = TypeVar("T")
Path = tuple[str | int, ...]


class SchemaError(Exception):
    """Data that does not fit its record: where (a path of keys) and a sentence saying why."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(message)


def where(path: Path) -> str:
    """``limits.memory_mib``, ``grading.weights."huge-"``, ``args[2]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            out += f".{part}" if out else part
        else:
            out += f'."{part}"' if out else f'"{part}"'
    return out


def convert(data: Any, type_: type[T], *, strict: bool = True) -> T:
    """``data`` as a ``type_``, or a SchemaError naming the first thing that does not fit."""
    try:
        return msgspec.convert(data, type_, strict=strict)
    except msgspec.ValidationError as exc:
        raise (explain(data, type_) or SchemaError((), str(exc))) from None


def explain(data: Any, type_: Any) -> SchemaError | None:
    """The first problem of ``data`` against ``type_``, or None when none can be named."""
    return _walk(data, mi.type_info(type_), ())


def _kind(value: Any) -> str:
    return {bool: "bool", int: "int", float: "float", str: "str", list: "list", dict: "table"}.get(
        type(value), type(value).__name__
    )


def _walk(value: Any, t: Any, path: Path, description: str | None = None) -> SchemaError | None:
    if isinstance(t, mi.Metadata):
        extra = t.extra_json_schema or {}
        return _walk(value, t.type, path, extra.get("description", description))
    if isinstance(t, mi.AnyType):
        return None
    if isinstance(t, mi.UnionType):
        return _union(value, t, path, description)
    if isinstance(t, (mi.StructType, mi.DataclassType)):
        return _record(value, t, path)
    if not _accepts(value, t):
        wanted = description or _name(t)
        return SchemaError(path, f"'{where(path)}' must be {wanted}, not {_kind(value)} ({value!r})")
    if isinstance(t, (mi.ListType, mi.VarTupleType)):
        for i, item in enumerate(value):
            found = _walk(item, t.item_type, (*path, i))
            if found:
                return found
    if isinstance(t, mi.DictType):
        for key, item in value.items():
            if not isinstance(key, str):
                return SchemaError(path, f"'{where(path)}' must have string keys, not {key!r}")
            found = _walk(item, t.value_type, (*path, key))
            if found:
                return found
    broken = _constraint(value, t)
    if broken:
        return SchemaError(path, f"'{where(path)}' must be {description or broken}, not {value!r}")
    return None


def _union(value: Any, t: Any, path: Path, description: str | None) -> SchemaError | None:
    errors = []
    for member in t.types:
        found = _walk(value, member, path, description)
        if found is None:
            return None
        if _accepts(value, member) and not isinstance(member, mi.NoneType):
            errors.append(found)  # the right kind of value, but out of range: the telling error
    if errors:
        return errors[0]
    names = [_name(m) for m in t.types if not isinstance(m, mi.NoneType)]
    wanted = description or " or ".join(names)
    return SchemaError(path, f"'{where(path)}' must be {wanted}, not {_kind(value)} ({value!r})")


def _record(value: Any, t: Any, path: Path) -> SchemaError | None:
    if not isinstance(value, dict):
        shown = f"'{where(path)}'" if path else "the document"
        return SchemaError(path, f"{shown} must be a table, not {_kind(value)}")
    names = [f.encode_name for f in t.fields]
    if getattr(t, "forbid_unknown_fields", False):
        for key in sorted(set(value) - set(names)):
            return SchemaError((*path, key), f"unknown key '{where((*path, key))}'{did_you_mean(str(key), names)}")
    for f in t.fields:
        if f.encode_name not in value:
            if f.required:
                return SchemaError((*path, f.encode_name), f"missing required key '{where((*path, f.encode_name))}'")
            continue
        found = _walk(value[f.encode_name], f.type, (*path, f.encode_name))
        if found:
            return found
    return None


def _accepts(value: Any, t: Any) -> bool:
    """Whether the value is of the kind the type takes (its constraints aside)."""
    if isinstance(t, mi.Metadata):
        return _accepts(value, t.type)
    if isinstance(t, mi.FloatType):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(t, mi.IntType):
        return isinstance(value, int) and not isinstance(value, bool)
    kinds: dict[type, type | tuple[type, ...]] = {
        mi.BoolType: bool,
        mi.StrType: str,
        mi.ListType: list,
        # Frozen records hold sequences as tuples; TOML and JSON give lists.
        mi.VarTupleType: list,
        mi.DictType: dict,
        mi.NoneType: type(None),
        mi.StructType: dict,
        mi.DataclassType: dict,
    }
    if type(t) in kinds:
        return isinstance(value, kinds[type(t)])
    if isinstance(t, mi.LiteralType):
        return value in t.values
    return True


def _name(t: Any) -> str:
    if isinstance(t, mi.Metadata):
        return _name(t.type)
    if isinstance(t, mi.LiteralType):
        return "one of " + ", ".join(str(v) for v in t.values)
    names: dict[type, str] = {
        mi.FloatType: "float",
        mi.IntType: "int",
        mi.BoolType: "bool",
        mi.StrType: "str",
        mi.ListType: "a list",
        mi.VarTupleType: "a list",
        mi.DictType: "a table",
        mi.NoneType: "none",
        mi.StructType: "a table",
        mi.DataclassType: "a table",
    }
    return names.get(type(t), type(t).__name__)


def _constraint(value: Any, t: Any) -> str | None:
    """What a bound on the type says, when the value breaks it."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        for attr, word, broken in (
            ("ge", "at least", lambda b: value < b),
            ("gt", "greater than", lambda b: value <= b),
            ("le", "at most", lambda b: value > b),
            ("lt", "less than", lambda b: value >= b),
        ):
            bound = getattr(t, attr, None)
            if bound is not None and broken(bound):
                return f"{word} {bound:g}"
    if isinstance(value, str):
        if getattr(t, "min_length", None) and len(value) < t.min_length:
            return "a non-empty string" if t.min_length == 1 else f"at least {t.min_length} characters"
        pattern = getattr(t, "pattern", None)
        if pattern and not re.search(pattern, value):
            return f"a string matching {pattern}"
    return None
