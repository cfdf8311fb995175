"""What every view says about a test, as plain text: numbers, calls, values, the one-line error.

The terminal view and the file formats (JUnit, Gradescope, Exercism, Markdown) say the
same things in the same words; each only lays them out differently.
"""

from __future__ import annotations

import re
from typing import Any

from judge.model.report import Counterexample, TestResult
from judge.model.verdict import Verdict

#: What a hidden test shows, said once for every format.
HIDDEN_NOTE = "hidden test: only its verdict, time and memory are shown"


def ms(value: float | None) -> str:
    """A duration in milliseconds, with the precision a reader needs."""
    if value is None:
        return "–"
    if value < 0.001:
        return "<0.001"
    if value < 1:
        return f"{value:.3f}"
    if value < 100:
        return f"{value:.1f}"
    return f"{value:,.0f}"


def kib(value: int) -> str:
    return f"{value / 1024:.1f} MiB" if value >= 1024 else f"{value} KiB"


def cut(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + f"... ({len(text) - limit} more characters)"


def arguments(test_input: dict[str, Any]) -> str:
    """``'abc', 'cab'`` or ``x=[1, 2]``: a test's arguments as Python source."""
    return ", ".join([repr(a) for a in test_input["args"]] + [f"{k}={v!r}" for k, v in test_input["kwargs"].items()])


def call(function: str, test_input: dict[str, Any]) -> str:
    """``can_shift('abc', 'cab')``: the call a visible test makes."""
    return f"{function}({arguments(test_input)})"


def value(v: Any, marker: str) -> str:
    """A value as shown: its repr, or as is for the judge's own 'raises X' / 'raised X' text."""
    return v if isinstance(v, str) and v.startswith(marker + " ") else repr(v)


def details(t: TestResult | Counterexample) -> list[tuple[str, str]]:
    """(label, text) pairs of what a visible test (or a counterexample) shows: input, expected,
    got, message, prints.

    A hidden test has none of these (the report never holds them), so this is empty for it.
    """
    if isinstance(t, TestResult) and t.hidden:
        return []
    out = []
    if t.input is not None:
        out.append(("input", arguments(t.input)))
        out.append(("expected", value(t.expected, "raises")))
    if t.got is not None:
        out.append(("got", value(t.got, "raised")))
    if t.message:
        out.append(("message", t.message))
    if t.stdout:
        out.append(("prints", t.stdout.rstrip()))
    if t.stderr:
        out.append(("stderr", t.stderr.rstrip()))
    return out


def measured(t: TestResult) -> str:
    """``Wrong answer · 1.2 ms · 3.4 MiB``: what any test, hidden or not, may show."""
    if not t.ran:
        return t.verdict.long_name
    return f"{t.verdict.long_name} · {ms(t.time_ms)} ms · {kib(t.memory_kib)}"


def first_failure(tests: list[TestResult]) -> TestResult | None:
    """The first test that ran and did not pass (its verdict is the report's)."""
    return next((t for t in tests if t.verdict not in (Verdict.AC, Verdict.SKIPPED)), None)


_LINE = re.compile(r'^\s*File "[^"]*", line (\d+)', re.M)


def one_line(text: str | None) -> str:
    """An error's last line, with the line of the solution it happened on when known.

    ``SyntaxError: expected ':' (line 1)``, ``IndexError: list index out of range (line 2)``.
    """
    if not text:
        return ""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    where = _LINE.findall(text)
    return f"{last} (line {where[-1]})" if where and f"line {where[-1]}" not in last else last


def printable(text: str) -> str:
    """Text safe to show or to put in XML: control characters (but newline and tab), bidi overrides,
    lone surrogates and non-characters become visible escapes such as ``\\x1b``."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
