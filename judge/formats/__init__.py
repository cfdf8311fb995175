"""Report formats: a Report in, text out. Depends only on judge.model.

Every format shows hidden tests as the Report holds them (verdict, time and memory
only), so none can leak what the judging pipeline already redacted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from judge.formats import exercism, gradescope, junit, markdown
from judge.formats.context import Context, Visibility
from judge.model.report import Report


def _json(report: Report, context: Context) -> str:
    return json.dumps(report.to_dict()) + "\n"


@dataclass(frozen=True)
class Format:
    render: Callable[[Report, Context], str]
    #: How a file of this format ends (feedback files are named <submission><suffix>).
    suffix: str


FORMATS: dict[str, Format] = {
    "json": Format(_json, ".json"),
    "junit": Format(junit.render, ".junit.xml"),
    "gradescope": Format(gradescope.render, ".gradescope.json"),
    "exercism": Format(exercism.render, ".exercism.json"),
    "markdown": Format(markdown.render, ".md"),
}

VISIBILITIES: tuple[Visibility, ...] = ("hidden", "after_due_date", "after_published", "visible")


def render(name: str, report: Report, context: Context) -> str:
    """The report in the named format (one of ``FORMATS``)."""
    return FORMATS[name].render(report, context)


__all__ = ["FORMATS", "VISIBILITIES", "Context", "Format", "render"]
