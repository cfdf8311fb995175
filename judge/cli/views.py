"""Terminal views of the judge's data. The only module that imports rich."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from judge.formats.text import cut, details, kib, ms, printable
from judge.model.verdict import Verdict

# Markdown and Syntax (pygments) cost more to import than judging a fast solution
# takes; they are imported where they are used. The rest is only named in type hints.
if TYPE_CHECKING:
    from judge.authoring.validate import Validation
    from judge.grading.gradebook import Row, Summary
    from judge.grading.similarity import Pair
    from judge.model.report import Report, TestResult
    from judge.problems.challenge import Challenge
    from judge.problems.testcase import TestCase

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

STYLE = {
    Verdict.AC: "bold green",
    Verdict.WA: "bold red",
    Verdict.TLE: "bold yellow",
    Verdict.MLE: "bold magenta",
    Verdict.RE: "bold red",
    Verdict.CE: "bold red",
    Verdict.SKIPPED: "dim",
}


def verdict_text(verdict: Verdict) -> Text:
    return Text(verdict.value, style=STYLE[verdict])


def challenge_list(rows: list[dict[str, Any]]) -> None:
    table = Table(title="Challenges", title_justify="left")
    table.add_column("id", no_wrap=True, style="bold")
    table.add_column("title")
    table.add_column("level")
    table.add_column("tags")
    table.add_column("tests", justify="right", no_wrap=True)
    table.add_column("CPU time / test")
    table.add_column("memory", no_wrap=True)
    table.add_column("from")
    broken = [r for r in rows if r.get("error")]
    for r in rows:
        if r.get("error"):
            table.add_row(r["id"], Text("broken (see below)", style="red"), "", "", "", "", "", r["origin"])
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
        )
    console.print(table)
    console.print(
        "[dim]tests: sample+hidden · judge show <id> for the statement · judge init <id> mine.py to start[/dim]"
    )
    for r in broken:
        console.print(Text.assemble(("✗ ", "bold red"), (r["id"], "bold"), f"  {r['error']}"))
    if broken:
        ids = " ".join(r["id"] for r in broken)
        console.print(Text(f"{len(broken)} challenge(s) could not be read; see: judge validate {ids}", style="red"))


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


def _details(t: TestResult) -> Panel:
    parts: list[Any] = []
    for label, text in details(t):
        if label == "message":
            parts.append(Text(text, style="red"))
        elif label in ("prints", "stderr"):
            parts.append(Text.assemble((f"{label}\n", "bold"), text))
        else:
            parts.append(Text.assemble((f"{label:<10}", "bold"), cut(text)))
    return Panel(
        Group(*parts), title=f"{t.name}: {t.verdict.long_name}", title_align="left", border_style=STYLE[t.verdict]
    )


def report(r: Report, out: Console | None = None) -> None:
    out = out or console
    table = Table(title=f"{r.challenge} · {r.solution}", title_justify="left")
    table.add_column("test")
    table.add_column("verdict")
    table.add_column("time ms", justify="right")
    table.add_column("budget ms", justify="right")
    table.add_column("ref ms", justify="right")
    table.add_column("memory", justify="right")
    for t in r.tests:
        name = t.name + (" [dim](hidden)[/dim]" if t.hidden else "")
        ran = t.verdict not in (Verdict.SKIPPED, Verdict.CE)
        table.add_row(
            name,
            verdict_text(t.verdict),
            ms(t.time_ms) if ran else "",
            ms(t.budget_ms) if ran else "",
            ms(t.reference_ms) if ran else "",
            kib(t.memory_kib) if ran else "",
        )
    out.print(table)
    if r.compile_error:
        out.print(
            Panel(Text(r.compile_error), title="could not load the solution", border_style="red", title_align="left")
        )
    for t in r.tests:
        if not t.hidden and t.verdict not in (Verdict.AC, Verdict.SKIPPED):
            out.print(_details(t))
    failing_hidden = [t for t in r.tests if t.hidden and t.verdict not in (Verdict.AC, Verdict.SKIPPED, Verdict.CE)]
    if failing_hidden:
        out.print(
            f"[dim]{len(failing_hidden)} hidden test(s) failed; "
            "hidden tests show only their verdict, time and memory.[/dim]"
        )
    summary = Text.assemble(
        (f"{r.verdict.value} ", STYLE[r.verdict]),
        (f"{r.verdict.long_name}", "bold"),
        f" · {r.passed}/{r.total} passed · {ms(r.time_ms)} ms CPU · peak {kib(r.memory_kib)}",
    )
    lines: list[Any] = [summary]
    if r.time_vs_reference is not None:
        budget = f"; budget {r.budget_multiplier:g}× the slowest accepted solution" if r.budget_multiplier else ""
        ratio = r.time_vs_reference
        lines.append(
            Text(
                f"time: {ratio:.0f}× the reference{budget}"
                if ratio >= 10
                else f"time: {ratio:.2g}× the reference{budget}"
            )
        )
    if r.growth:
        lines.append(Text(r.growth.summary))
    iso = r.isolation
    if iso:
        style = "green" if iso.isolated else "yellow"
        note = "" if iso.isolated else " — NOT isolated: " + "; ".join(iso.missing)
        level = f"{iso.level} (full)" if iso.isolated else iso.level
        lines.append(Text(f"isolation: {level}{note}", style=style))
    for note in r.notes:
        lines.append(Text(note, style="dim"))
    out.print(Panel(Group(*lines), expand=False))


def validation(results: list[Validation], out: Console | None = None) -> None:
    """The problems 'judge validate' found, per challenge, each naming its file."""
    out = out or console
    for r in results:
        mark = Text("✓ ", style="bold green") if r.ok else Text("✗ ", style="bold red")
        out.print(Text.assemble(mark, (r.challenge, "bold"), (f"  ({r.origin})", "dim")))
        for line in r.checked:
            out.print(Text(f"  ✓ {line}", style="dim"))
        if r.problems:
            table = Table(show_header=True, box=None, padding=(0, 1, 0, 2))
            table.add_column("", no_wrap=True)
            table.add_column("file", no_wrap=True, style="cyan")
            table.add_column("problem")
            for p in r.problems:
                error = p.severity.value == "error"
                table.add_row(Text(p.severity.value, style="bold red" if error else "bold yellow"), p.file, p.reason)
            out.print(table)
    failed = sum(not r.ok for r in results)
    warned = sum(len([p for p in r.problems if p.severity.value == "warning"]) for r in results)
    summary = f"{len(results) - failed}/{len(results)} challenge(s) valid"
    if warned:
        summary += f", {warned} warning(s)"
    out.print(Text(summary, style="bold green" if not failed else "bold red"))


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
