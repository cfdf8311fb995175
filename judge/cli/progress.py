"""Progress on stderr while the engine works: bars, and lines for slow steps. Rendering only."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from judge.cli.views import err_console
from judge.model.events import Calibrating, Checking, Event, Explaining, TestFinished

if TYPE_CHECKING:
    from rich.progress import Progress

    from judge.grading.gradebook import Row


class _Bar:
    """A progress bar on stderr (only in a terminal), plus status lines that never touch stdout."""

    label = "working"

    def __init__(self, total: int, enabled: bool = True) -> None:
        self.enabled = enabled and err_console.is_terminal
        self.total = total
        self.progress: Progress | None = None
        self.task: Any = None

    def __enter__(self) -> Any:
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(
                TextColumn(f"[bold]{self.label}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=err_console,
                transient=True,
            )
            self.progress.__enter__()
            self.task = self.progress.add_task("", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.__exit__(None, None, None)

    def _show(self, description: str, **update: Any) -> None:
        if self.progress is not None:
            self.progress.update(self.task, description=description, **update)

    def notify(self, message: str) -> None:
        if self.progress is not None:
            self.progress.console.print(f"[dim]{message}[/dim]")
        else:
            print(message, file=sys.stderr)


class Live(_Bar):
    """The bar of one judgment: a step per test, and a line for each slow step (calibration)."""

    label = "judging"

    def __init__(self, enabled: bool, total: int) -> None:
        super().__init__(total, enabled)

    def on_event(self, event: Event) -> None:
        if isinstance(event, TestFinished):
            self._show(f"{event.result.name}: {event.result.verdict.value}", completed=event.index)
        elif isinstance(event, Explaining):
            self._show(event.text)
        elif isinstance(event, Calibrating):
            self.notify(event.text)


class GradeProgress(_Bar):
    """The bar over a class's submissions: a step per submission."""

    label = "grading"

    def advance(self, row: Row | None) -> None:
        """One submission done: a new row, or None for one already graded."""
        self._show("already graded" if row is None else f"{row.submission}: {row.verdict}", advance=1)


def status(message: str) -> None:
    """A passing status line on stderr (only in a terminal), for slow work."""
    if err_console.is_terminal:
        err_console.print(f"[dim]{message}[/dim]")


def status_event(event: Event) -> None:
    """Slow steps (calibration, validation) as passing status lines on stderr."""
    if isinstance(event, (Calibrating, Checking)):
        status(event.text)


def notice_event(event: Event) -> None:
    """Calibration notices on stderr, terminal or not."""
    if isinstance(event, Calibrating):
        err_console.print(f"[dim]{event.text}[/dim]")
