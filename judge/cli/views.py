"""Terminal views of the judge's data. The only module that imports rich."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from judge.authoring.margins import MIN_ACCEPTED, MIN_TLE
from judge.formats.text import cut, details, kib, ms, printable
from judge.model.report import NoteKind, TestResult
from judge.model.verdict import Verdict

# Markdown and Syntax (pygments) cost more to import than judging a fast solution
# takes; they are imported where they are used. The rest is only named in type hints.
if TYPE_CHECKING:
    from judge.authoring.validate import Validation
    from judge.grading.gradebook import Row, Summary
    from judge.grading.similarity import Pair
    from judge.model.report import Counterexample, Report
    from judge.practice.history import Attempt
    from judge.problems.challenge import Challenge
    from judge.problems.testcase import TestCase

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

NOTE_STYLE = {NoteKind.STATE_LEAK: "yellow", NoteKind.MUTATES_INPUT: "yellow", NoteKind.SEARCH: "dim"}

STYLE = {
    Verdict.AC: "bold green",
    Verdict.WA: "bold red",
    Verdict.TLE: "bold yellow",
    Verdict.MLE: "bold magenta",
    Verdict.RE: "bold red",
    Verdict.CE: "bold red",
    Verdict.SKIPPED: "dim",
}


def plain_markup(text: str) -> str:
    """Text a solution or a file name controls, for the places rich reads markup from:
    control characters escaped (``printable``), brackets shown, never obeyed."""
    return escape(printable(text))


def verdict_text(verdict: Verdict) -> Text:
    return Text(verdict.value, style=STYLE[verdict])


def challenge_list(rows: list[dict[str, Any]]) -> None:
    table = Table(title="Challenges", title_justify="left")
    table.add_column("id", no_wrap=True, style="bold")
    table.add_column("title")
    table.add_column("level")
    table.add_column("tags", overflow="fold")
    table.add_column("tests", justify="right", no_wrap=True)
    table.add_column("CPU time / test")
    table.add_column("memory", no_wrap=True)
    table.add_column("from")
    table.add_column("tries", justify="right", no_wrap=True)
    broken = [r for r in rows if r.get("error")]
    for r in rows:
        if r.get("error"):
            table.add_row(r["id"], Text("broken (see below)", style="red"), "", "", "", "", "", r["origin"], "")
            continue
        table.add_row(
            r["id"],
            r["title"],
            r["difficulty"],
            ", ".join(r["tags"]),
            f"{r['samples']}+{r['hidden']}",
            r["time"],
            f"{r['memory_mib']:g} MiB",
            r["origin"],
            Text.assemble(("✓ ", "bold green") if r["solved"] else "", str(r["attempts"] or "")),
        )
    console.print(table)
    console.print(
        "[dim]tests: sample+hidden · tries: your attempts, ✓ once one passed every test · "
        "judge show <id> for the statement · judge init <id> mine.py to start[/dim]"
    )
    for r in broken:
        console.print(Text.assemble(("✗ ", "bold red"), (r["id"], "bold"), f"  {r['error']}"))
    if broken:
        ids = " ".join(r["id"] for r in broken)
        console.print(Text(f"{len(broken)} challenge(s) could not be read; see: judge validate {ids}", style="red"))


def attempts(rows: list[Attempt], challenge_id: str | None, where: Path, out: Console | None = None) -> None:
    """``judge history``: one row per attempt, newest first."""
    import time

    out = out or console
    if not rows:
        of = f" of {challenge_id}" if challenge_id else ""
        out.print(f"no attempts{of} yet; 'judge test <id> <file>' and 'judge run <id> <file>' add them ({where})")
        return
    table = Table(title="Attempts, newest first", title_justify="left", box=None, header_style="bold")
    table.add_column("when", no_wrap=True)
    if challenge_id is None:
        table.add_column("challenge", no_wrap=True)
    table.add_column("tests")
    table.add_column("verdict")
    table.add_column("passed", justify="right")
    table.add_column("time ms", justify="right")
    table.add_column("file", overflow="fold")
    table.add_column("sha256", style="dim", no_wrap=True)
    for r in rows:
        cells: list[Any] = [time.strftime("%m-%d %H:%M", time.localtime(r.at))]
        if challenge_id is None:
            cells.append(r.challenge)
        cells += [
            r.scope,
            verdict_text(Verdict(r.verdict)),
            f"{r.passed}/{r.total}",
            ms(r.time_ms),
            r.file,
            r.sha256[:8],
        ]
        table.add_row(*cells)
    out.print(table)


def challenge(ch: Challenge, samples: list[TestCase], budget: str) -> None:
    from rich.markdown import Markdown
    from rich.syntax import Syntax

    cfg = ch.config
    console.print(Markdown(ch.statement()))
    console.print()
    # Wrapped, not cut: a long signature must be read whole at any terminal width.
    signature = Syntax(cfg.signature, "python", theme="ansi_dark", word_wrap=True)
    console.print(Panel(signature, title="signature", expand=False))
    table = Table(title="Sample tests", title_justify="left")
    table.add_column("name")
    table.add_column("arguments")
    table.add_column("expected")
    for t in samples:
        args = ", ".join([repr(a) for a in t.args] + [f"{k}={v!r}" for k, v in t.kwargs.items()])
        expected = f"raises {t.raises}" if t.raises else repr(t.expected)
        table.add_row(t.name, args, expected)
    console.print(table)
    if cfg.tags:
        console.print(f"[bold]Tags[/bold]: {', '.join(cfg.tags)}")
    console.print(
        f"[bold]Budgets[/bold]: CPU time per test {budget}, calibrated on this machine; "
        f"memory {cfg.limits.memory_mib:g} MiB per test."
    )


def _details(t: TestResult | Counterexample, title: str | None = None) -> Panel:
    """A visible test (or a counterexample) in full: input, expected, got, why, and the prints."""
    parts: list[Any] = []
    # What the solution printed or raised reaches the operator's terminal: escaped, so it
    # cannot clear the screen, retitle the window or set the clipboard (OSC 52).
    for label, text in details(t):
        if label == "message":
            parts.append(Text(printable(text), style="red"))
        elif label in ("prints", "stderr"):
            parts.append(Text.assemble((f"{label}\n", "bold"), printable(text)))
        else:
            parts.append(Text.assemble((f"{label:<10}", "bold"), printable(cut(text))))
    measured = None
    if isinstance(t, TestResult) and t.ran:
        measured = f"{ms(t.time_ms)} ms · {kib(t.memory_kib)}"
    return Panel(
        Group(*parts),
        title=Text(printable(title or f"{getattr(t, 'name', 'counterexample')}: {t.verdict.long_name}")),
        title_align="left",
        subtitle=measured,
        subtitle_align="right",
        border_style=STYLE[t.verdict],
    )


def _row(t: TestResult) -> list[Any]:
    """A test's measurements: time, budget, the reference's time, memory."""
    return [ms(t.time_ms), ms(t.budget_ms), ms(t.reference_ms), kib(t.memory_kib)]


def _name(t: TestResult) -> Text:
    return Text.assemble(printable(t.name), (" (hidden)", "dim") if t.hidden else "")


def _table(r: Report, out: Console) -> None:
    """Every test that ran or failed to, one row each (``-v``); tests skipped by --fail-fast are counted, not listed."""
    table = Table(title=Text(printable(f"{r.challenge} · {r.solution}")), title_justify="left")
    table.add_column("test", overflow="fold")
    table.add_column("verdict")
    table.add_column("time ms", justify="right")
    table.add_column("budget ms", justify="right")
    table.add_column("ref ms", justify="right")
    table.add_column("memory", justify="right")
    for t in r.tests:
        if t.verdict is not Verdict.SKIPPED:
            table.add_row(_name(t), verdict_text(t.verdict), *_row(t))
    out.print(table)


def _failing(r: Report, out: Console) -> None:
    """The compact view: the failing tests only, pytest -q style.

    Each is one line whose name comes last and is never cut: a long name runs on (the
    terminal wraps it) instead of being folded or shortened to fit a column.
    """
    out.print(
        Text.assemble((printable(f"{r.challenge} · {r.solution}"), "italic"), f" · {r.total} tests"), soft_wrap=True
    )
    failing = [t for t in r.tests if t.verdict not in (Verdict.AC, Verdict.SKIPPED)]
    if failing:
        out.print(Text(f"{'':4} {'time ms':>9} {'budget ms':>9} {'memory':>9}  failing test", style="dim"))
    for t in failing:
        time, budget, _, memory = _row(t)
        line = Text.assemble(
            (f"{t.verdict.value:<4}", STYLE[t.verdict]), f" {time:>9} {budget:>9} {memory:>9}  ", _name(t)
        )
        out.print(line, soft_wrap=True)


def report(r: Report, out: Console | None = None, view: str = "full") -> None:
    """A report: ``full`` (every test in a table), ``compact`` (the failing tests) or ``samples`` (each test in full).

    A solution that did not load gets one panel, not a row per test.
    """
    out = out or console
    if r.compile_error is not None:
        out.print(Text.assemble((printable(f"{r.challenge} · {r.solution}"), "italic")))
        out.print(
            Panel(
                Text(printable(r.compile_error)),
                title="could not load the solution",
                border_style="red",
                title_align="left",
            )
        )
    elif view == "samples":
        out.print(Text.assemble((printable(f"{r.challenge} · {r.solution}"), "italic"), f" · {_scope_text(r)}"))
        for t in r.tests:
            if t.verdict is not Verdict.SKIPPED:
                out.print(_details(t))
    else:
        if view == "full":
            _table(r, out)
        else:
            _failing(r, out)
        for t in r.tests:
            if not t.hidden and t.verdict not in (Verdict.AC, Verdict.SKIPPED):
                out.print(_details(t))
    skipped = sum(t.verdict is Verdict.SKIPPED for t in r.tests)
    if skipped and r.compile_error is None:
        out.print(f"[dim]{skipped} test(s) not run after the first failure (--fail-fast).[/dim]")
    failing_hidden = [t for t in r.tests if t.hidden and t.verdict not in (Verdict.AC, Verdict.SKIPPED, Verdict.CE)]
    if failing_hidden:
        out.print(
            f"[dim]{len(failing_hidden)} hidden test(s) failed; "
            "hidden tests show only their verdict, time and memory.[/dim]"
        )
    if r.counterexample is not None:
        _counterexample(r.counterexample, out)
    summary = Text.assemble(
        (f"{r.verdict.value} ", STYLE[r.verdict]),
        (f"{r.verdict.long_name}", "bold"),
        f" · {r.passed}/{r.total} passed · {ms(r.time_ms)} ms CPU · peak {kib(r.memory_kib)}",
    )
    lines: list[Any] = [summary]
    if r.speed:
        # Only accepted runs have a speed: a crash's or a kill's time says nothing about it.
        sp = r.speed
        lines.append(Text(f"speed: {sp.summary}"))
        used = f"budget: at most {sp.budget_share:.0%} used ({sp.budget_test})"
        if r.budget_multiplier:
            used += f"; budgets are {r.budget_multiplier:g}× the slowest accepted solution"
        lines.append(Text(used))
    if r.growth:
        lines.append(Text(r.growth.summary))
    iso = r.isolation
    if iso:
        style = "green" if iso.isolated else "yellow"
        note = "" if iso.isolated else " — NOT isolated: " + printable("; ".join(iso.missing))
        level = f"{iso.level} (full)" if iso.isolated else iso.level
        lines.append(Text(f"isolation: {level}{note}", style=style))
    for remark in r.notes:
        lines.append(Text(printable(remark.message), style=NOTE_STYLE.get(remark.kind, "dim")))
    out.print(Panel(Group(*lines), expand=False))


def _scope_text(r: Report) -> str:
    return {"samples": "the sample tests", "custom": "your own calls"}.get(r.scope, "every test")


def _counterexample(c: Counterexample, out: Console) -> None:
    out.print(_details(c, title="counterexample: a small input your function gets wrong"))
    out.print(
        f"[dim]found among {c.tried} small inputs drawn by the challenge's strategy in {c.seconds:.1f} s; "
        "it is not taken from the hidden tests.[/dim]"
    )


def clear(out: Console | None = None) -> None:
    """A clean screen before watch mode shows a new report (in a terminal only)."""
    out = out or console
    if out.is_terminal:
        out.clear()


def waiting(file: Path, out: Console | None = None) -> None:
    """Watch mode's line under a report."""
    (out or err_console).print(f"[dim]watching {file} · judged again on every save · Ctrl-C to stop[/dim]")


def validation(results: list[Validation], out: Console | None = None) -> None:
    """The problems 'judge validate' found, per challenge, each naming its file."""
    out = out or console
    for r in results:
        mark = Text("✓ ", style="bold green") if r.ok else Text("✗ ", style="bold red")
        out.print(Text.assemble(mark, (printable(r.challenge), "bold"), (f"  ({printable(r.origin)})", "dim")))
        for line in r.checked:
            out.print(Text(f"  ✓ {line}", style="dim"))
        if r.margins:
            out.print(_margins(r))
        if r.problems:
            table = Table(show_header=True, box=None, padding=(0, 1, 0, 2))
            table.add_column("", no_wrap=True)
            table.add_column("file", no_wrap=True, style="cyan")
            table.add_column("problem")
            for p in r.problems:
                error = p.severity.value == "error"
                # Text, not markup: a reason may quote code such as list[int].
                table.add_row(
                    Text(p.severity.value, style="bold red" if error else "bold yellow"),
                    Text(printable(p.file)),
                    Text(printable(p.reason)),
                )
            out.print(table)
    failed = sum(not r.ok for r in results)
    warned = sum(len([p for p in r.problems if p.severity.value == "warning"]) for r in results)
    summary = f"{len(results) - failed}/{len(results)} challenge(s) valid"
    if warned:
        summary += f", {warned} warning(s)"
    out.print(Text(summary, style="bold green" if not failed else "bold red"))


def _margins(r: Validation) -> Table:
    """The time margins of one challenge: a row per condition, the thresholds last."""
    table = Table(box=None, padding=(0, 1, 0, 2), show_header=True, header_style="dim")
    table.add_column("time margins")
    table.add_column("budget ÷ accepted time (tightest)")
    table.add_column("time_limit_exceeded ÷ budget (tightest)")
    for m in r.margins:
        accepted = tle = Text("–", style="dim")
        if m.accepted is not None:
            accepted = Text(
                f"{m.accepted:.1f}×  {m.accepted_solution} · {m.accepted_test}",
                style="green" if m.accepted_ok else "bold red",
            )
        if m.tle is not None:
            at_least = "≥" if m.tle_capped else ""
            tle = Text(
                f"{at_least}{m.tle:.1f}×  {m.tle_solution} · {m.tle_test}", style="green" if m.tle_ok else "bold red"
            )
        table.add_row("one core busy" if m.condition == "busy" else "quiet", accepted, tle)
    table.add_row(
        Text("needed", style="dim"), Text(f"≥{MIN_ACCEPTED:g}×", style="dim"), Text(f"≥{MIN_TLE:g}×", style="dim")
    )
    return table


def grade_summary(summary: Summary, out_path: Path, out: Console | None = None, sort: str = "score") -> None:
    """Verdict counts, a histogram of scores, and a row per student for a graded class."""
    out = out or console
    counts = summary.verdicts
    table = Table(title=f"{len(summary.rows)} submissions", title_justify="left")
    table.add_column("verdict")
    table.add_column("count", justify="right")
    for name in [*(v.value for v in Verdict), "REFUSED", "ERROR"]:
        if counts.get(name):
            table.add_row(_row_verdict(name), str(counts[name]))
    out.print(table)
    hist = summary.histogram()
    width = max(hist) or 1
    histogram = Table(title="scores (fraction of hidden tests passed)", title_justify="left", box=None)
    histogram.add_column("score")
    histogram.add_column("count", justify="right")
    histogram.add_column("")
    bins = len(hist) - 1
    for i, n in enumerate(hist):
        label = "100%" if i == bins else f"{i * 100 // bins:>3}–{(i + 1) * 100 // bins - 1}%"
        histogram.add_row(label, str(n), Text("█" * round(30 * n / width), style="cyan"))
    out.print(histogram)
    students(summary.rows, out, sort)
    line = f"judged {summary.judged}, already graded {summary.skipped}"
    if summary.refused:
        line += f", [red]{summary.refused} refused (not judged: see the error column)[/red]"
    if summary.errors:
        line += f", [red]{summary.errors} could not be judged (see the error column)[/red]"
    unisolated = sum(not r.isolated for r in summary.rows if r.verdict not in ("REFUSED", "ERROR"))
    if unisolated:
        line += f", [yellow]{unisolated} judged without full isolation[/yellow]"
    out.print(f"{line}; gradebook: {escape(str(out_path))}")


def _row_verdict(name: str) -> Text:
    if name in Verdict.__members__:
        return verdict_text(Verdict(name))
    return Text(name, style="bold red")


def students(rows: list[Row], out: Console, sort: str = "score") -> None:
    """One line per student: best score first (``sort='name'``: by name), and why it did not pass."""
    ordered = sorted(rows, key=lambda r: r.submission) if sort == "name" else sorted(rows, key=lambda r: -r.score)
    table = Table(title="students", title_justify="left")
    table.add_column("submission", overflow="fold")
    table.add_column("verdict", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("passed", justify="right", no_wrap=True)
    table.add_column("first failure", overflow="fold")
    table.add_column("why", overflow="fold")
    for r in ordered:
        table.add_row(
            Text(printable(r.submission)),
            _row_verdict(r.verdict),
            f"{r.score:.0%}",
            f"{r.passed}/{r.total}" if r.total else "",
            Text(printable(r.failed_test)),
            Text(_short(printable(r.detail or r.error or ""))),
        )
    out.print(table)


def _short(text: str, limit: int = 60) -> str:
    """A reason cut for a table cell (the gradebook holds it whole)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def line(text: str, out: Console | None = None) -> None:
    """One plain line of text (no markup is read in it)."""
    (out or console).print(Text(text))


def similarity_summary(pairs: list[Pair], compared: int, path: Path, out: Console | None = None) -> None:
    """The flagged pairs, most similar first, and where the report with the code is."""
    out = out or console
    if not pairs:
        out.print(Text(f"similarity: no pair of {compared} above the threshold; report: {path}"))
        return
    table = Table(title=f"similar submissions ({len(pairs)} of {compared} pairs)", title_justify="left")
    table.add_column("submission", overflow="fold")
    table.add_column("with", overflow="fold")
    table.add_column("shared", justify="right")
    for p in pairs:
        table.add_row(Text(printable(p.a)), Text(printable(p.b)), f"{p.share_a:.0%} / {p.share_b:.0%}")
    out.print(table)
    out.print(Text(f"the matching code, highlighted: {path}"))
