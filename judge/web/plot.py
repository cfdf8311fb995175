"""Time against input size, as an inline SVG: the solution's curve beside the reference's.

Drawn from a report's growth family (the tests with a ``size``) on log-log axes, where
a straight line of slope k is time ≈ c·n^k: a steeper line than the reference's is a
worse complexity, which people see at once. Tests cut short by the time limit are drawn
at their budget, hollow, with an arrow up: their real time is larger.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from judge.judging.growth import Fit
from judge.model.report import Report, TestResult
from judge.model.verdict import Verdict

WIDTH, HEIGHT = 560, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 14, 44
SOLUTION_COLOUR, REFERENCE_COLOUR = "#d9480f", "#1971c2"


@dataclass(frozen=True)
class Point:
    n: int
    ms: float
    label: str
    #: Stopped at the time limit: the true time is at least ``ms``.
    cut: bool = False


def points(tests: list[TestResult]) -> tuple[list[Point], list[Point]]:
    """(solution, reference) points of the tests that carry a size and a usable time."""
    mine: list[Point] = []
    ref: list[Point] = []
    for t in tests:
        if not t.size or t.size <= 0 or t.verdict in (Verdict.SKIPPED, Verdict.CE):
            continue
        cut = t.verdict is Verdict.TLE
        ms = max(t.time_ms, t.budget_ms or 0.0) if cut else t.time_ms
        if ms > 0:
            mine.append(Point(t.size, ms, f"{t.name}: {_ms(ms)}{'+' if cut else ''} ms ({t.verdict.value})", cut))
        if t.reference_ms and t.reference_ms > 0:
            ref.append(Point(t.size, t.reference_ms, f"{t.name}: reference {_ms(t.reference_ms)} ms"))
    return mine, ref


def svg(report: Report) -> str | None:
    """The plot, or None when fewer than two sizes have a time."""
    mine, ref = points(report.tests)
    if len({p.n for p in mine}) < 2:
        return None
    every = mine + ref
    x_lo, x_hi = _span(min(p.n for p in every), max(p.n for p in every))
    y_lo, y_hi = _span(min(p.ms for p in every), max(p.ms for p in every))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(n: float) -> float:
        return LEFT + plot_w * (math.log10(n) - x_lo) / (x_hi - x_lo)

    def y(ms: float) -> float:
        return TOP + plot_h * (1 - (math.log10(ms) - y_lo) / (y_hi - y_lo))

    growth = report.growth
    mine_k = ref_k = ""
    if growth is not None:
        mine_k = exponent_text(growth.exponent, growth.exponent_interval, growth.lower_bound)
        ref_k = exponent_text(growth.reference_exponent, growth.reference_exponent_interval, False)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="growth-plot" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="growth-title">',
        f'<title id="growth-title">{escape(growth.summary if growth else "time against input size")}</title>',
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#ced4da"/>',
    ]
    for value in _ticks(x_lo, x_hi):
        px = x(value)
        out.append(f'<line x1="{px:.1f}" y1="{TOP}" x2="{px:.1f}" y2="{TOP + plot_h}" stroke="#f1f3f5"/>')
        out.append(f'<text x="{px:.1f}" y="{TOP + plot_h + 16}" text-anchor="middle">{_count(value)}</text>')
    for value in _ticks(y_lo, y_hi):
        py = y(value)
        out.append(f'<line x1="{LEFT}" y1="{py:.1f}" x2="{LEFT + plot_w}" y2="{py:.1f}" stroke="#f1f3f5"/>')
        out.append(f'<text x="{LEFT - 6}" y="{py + 4:.1f}" text-anchor="end">{_ms(value)}</text>')
    out.append(f'<text x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 6}" text-anchor="middle">input size n</text>')
    out.append(f'<text transform="translate(14 {TOP + plot_h / 2:.0f}) rotate(-90)" text-anchor="middle">CPU ms</text>')
    for series, colour, name in ((ref, REFERENCE_COLOUR, "reference"), (mine, SOLUTION_COLOUR, "solution")):
        out.extend(_series(series, colour, name, x, y))
    legend = [(SOLUTION_COLOUR, f"your solution{mine_k}")]
    if ref:
        legend.append((REFERENCE_COLOUR, f"reference{ref_k}"))
    for i, (colour, text) in enumerate(legend):
        ly = TOP + 16 + 18 * i
        out.append(
            f'<line x1="{LEFT + 10}" y1="{ly - 4}" x2="{LEFT + 30}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"/>'
        )
        out.append(f'<text x="{LEFT + 36}" y="{ly}" class="legend">{escape(text)}</text>')
    if any(p.cut for p in mine):
        ly = TOP + 16 + 18 * len(legend)
        out.append(f'<text x="{LEFT + 10}" y="{ly}" class="legend">△ hit the time limit (at least this slow)</text>')
    out.append("</svg>")
    return "\n".join(out)


def exponent_text(exponent: float | None, interval: tuple[float, float] | None, lower_bound: bool) -> str:
    """' n^1.8 ± 0.2', written as the report's growth line writes it (or '' when unknown)."""
    if exponent is None:
        return ""
    half = (interval[1] - interval[0]) / 2 if interval is not None else None
    return " " + Fit(exponent, lower_bound=lower_bound, half_width=half).text()


def _series(series: list[Point], colour: str, name: str, x, y) -> list[str]:  # type: ignore[no-untyped-def]
    """A line through the slowest point of each size, and a dot per test (hollow triangles when cut)."""
    if not series:
        return []
    worst: dict[int, float] = {}
    for p in series:
        worst[p.n] = max(worst.get(p.n, 0.0), p.ms)
    path = " ".join(f"{x(n):.1f},{y(worst[n]):.1f}" for n in sorted(worst))
    out = [f'<g class="series {name}">', f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>']
    for p in series:
        px, py = x(p.n), y(p.ms)
        tip = f"<title>{escape(p.label)}</title>"
        if p.cut:
            tri = f"{px:.1f},{py - 6:.1f} {px - 5:.1f},{py + 3:.1f} {px + 5:.1f},{py + 3:.1f}"
            out.append(f'<polygon points="{tri}" fill="white" stroke="{colour}" stroke-width="2">{tip}</polygon>')
        else:
            out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}">{tip}</circle>')
    out.append("</g>")
    return out


def _span(lo: float, hi: float) -> tuple[float, float]:
    """log10 bounds with a little room, never empty."""
    a, b = math.log10(lo), math.log10(hi)
    if b - a < 0.5:
        mid = (a + b) / 2
        a, b = mid - 0.25, mid + 0.25
    pad = (b - a) * 0.06
    return a - pad, b + pad


def _ticks(lo: float, hi: float) -> list[float]:
    """Round values (1, 2, 5 × 10^k when the range is short; powers of ten otherwise) within [10^lo, 10^hi]."""
    steps = (1.0,) if hi - lo > 2.5 else (1.0, 2.0, 5.0)
    values = []
    for k in range(math.floor(lo), math.ceil(hi) + 1):
        for step in steps:
            v = step * 10.0**k
            if lo <= math.log10(v) <= hi:
                values.append(v)
    return values


def _count(n: float) -> str:
    if n >= 1e6:
        return f"{n / 1e6:g}M"
    if n >= 1e3:
        return f"{n / 1e3:g}k"
    return f"{n:g}"


def _ms(ms: float) -> str:
    if ms >= 100:
        return f"{ms:,.0f}"
    if ms >= 1:
        return f"{ms:.3g}"
    return f"{ms:.2g}"
