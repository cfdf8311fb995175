"""``judge run`` (every test) and ``judge test`` (the samples, or your own calls), once or on every save."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from judge.cli.app import INTERRUPTED, checked_sandbox, root_of, solution_file, swapped
from judge.model.errors import ExitCode, JudgeError

if TYPE_CHECKING:
    from judge.formats import Context
    from judge.judging.engine import Options
    from judge.model.events import Event
    from judge.model.report import Report
    from judge.problems.calls import Call
    from judge.problems.challenge import Challenge

#: Seconds the counterexample search may take by default (judging.counterexample.DEFAULT_SEARCH_S,
#: kept here as a literal so that `judge --help` does not import the engine; a test checks they agree).
SEARCH_S = 3.0
#: The --format choices (judge.formats.FORMATS, named here so `judge --help` imports no format).
REPORT_FORMATS = ("json", "junit", "gradescope", "exercism", "markdown")
VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")


#: Shared by `judge run`, `judge test` and `judge grade --feedback`.
hidden_visibility_option = click.option(
    "--hidden-visibility",
    type=click.Choice(VISIBILITIES),
    help="With --format gradescope: when students see the hidden tests' rows (default after_published).",
)


def machine_format(as_json: bool, fmt: str | None, hidden_visibility: str | None) -> str | None:
    """The one format asked for (None: the terminal view), or a one-line error for a contradiction."""
    if as_json and fmt not in (None, "json"):
        raise JudgeError(f"use just one of --json or --format {fmt}")
    fmt = "json" if as_json else fmt
    if hidden_visibility is not None and fmt != "gradescope":
        raise JudgeError("--hidden-visibility applies only to --format gradescope")
    return fmt


def format_context(ch: Challenge, hidden_visibility: str | None) -> Context:
    """What the formats need from the challenge: its function's name and its score weights."""
    from judge.formats import Context  # deferred: the formats cost `judge --help` a third of its start-up

    visibility: Any = hidden_visibility or "after_published"
    return Context(ch.config.function, ch.config.grading.weights, visibility)


@dataclass
class Request:
    """What one ``judge run`` or ``judge test`` asks for, as parsed from its options."""

    challenge: str
    file: Path
    #: The machine format printed on stdout instead of the terminal view (None: the terminal view).
    fmt: str | None
    #: "full" (every test in a table), "compact" (summary and the failing tests), "samples" (each in full).
    view: str
    options: dict[str, Any] = field(default_factory=dict)
    watch: bool = False
    require_isolation: bool = False
    hidden_visibility: str | None = None

    @property
    def as_json(self) -> bool:
        """Anything but the terminal view: stdout carries the report and nothing else."""
        return self.fmt is not None


def common(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options ``run`` and ``test`` share."""
    for decorator in reversed(
        [
            click.argument("challenge"),
            click.argument("file", type=click.Path(path_type=Path)),
            click.option("--json", "as_json", is_flag=True, help="Print one JSON report on stdout, nothing else."),
            click.option(
                "--format",
                "fmt",
                type=click.Choice(REPORT_FORMATS),
                help="Print the report on stdout in this format, nothing else (json is the same as --json).",
            ),
            hidden_visibility_option,
            click.option(
                "--watch", is_flag=True, help="Judge again every time FILE is saved; Ctrl-C stops (exit 130)."
            ),
            click.option(
                "--require-isolation",
                is_flag=True,
                help="Refuse to run (exit 2) unless the sandbox fully isolates the solution.",
            ),
        ]
    ):
        command = decorator(command)
    return command


@click.command()
@common
@click.option("--fail-fast", is_flag=True, help="Stop at the first failing test.")
@click.option("-v", "--verbose", is_flag=True, help="Show every test in a table, not only the failing ones.")
@click.option(
    "--repeat",
    type=click.IntRange(0, 50),
    default=None,
    metavar="N",
    help="Time every test N more times and report the median (steadier numbers on a busy machine); "
    "0 times each test once (fastest). Default: only tests under 5 ms are timed again.",
)
@click.option(
    "--search-time",
    type=click.FloatRange(min=0.1, max=600),
    default=SEARCH_S,
    show_default=True,
    metavar="SECONDS",
    help="How long to search small inputs for a counterexample when a hidden test fails.",
)
@click.option("--no-search", is_flag=True, help="Do not search for a counterexample.")
@click.pass_context
def run(
    ctx: click.Context,
    challenge: str,
    file: Path,
    as_json: bool,
    fmt: str | None,
    hidden_visibility: str | None,
    watch: bool,
    require_isolation: bool,
    fail_fast: bool,
    verbose: bool,
    repeat: int | None,
    search_time: float,
    no_search: bool,
) -> None:
    """Judge FILE on every test of CHALLENGE: the summary and the failing tests (-v: every test)."""
    options = {
        "fail_fast": fail_fast,
        "repeat": repeat != 0,
        "precise": repeat or 0,
        "search_s": 0.0 if no_search else search_time,
        "check_state": True,
    }
    view = "full" if verbose else "compact"
    fmt = machine_format(as_json, fmt, hidden_visibility)
    judge_file(ctx, Request(challenge, file, fmt, view, options, watch, require_isolation, hidden_visibility))


@click.command("test")
@common
@click.option(
    "--input",
    "inputs",
    multiple=True,
    metavar="JSON",
    help="""Your own call instead of the samples: the arguments as a JSON list, e.g. '["ab", "ba"]'. """
    "Repeat for several calls.",
)
@click.option(
    "--kwargs",
    "kwargs",
    multiple=True,
    metavar="JSON",
    help="""Keyword arguments of your call as a JSON object, e.g. '{"gap": 1}' (one per --input).""",
)
@click.pass_context
def test_cmd(
    ctx: click.Context,
    challenge: str,
    file: Path,
    as_json: bool,
    fmt: str | None,
    hidden_visibility: str | None,
    watch: bool,
    require_isolation: bool,
    inputs: tuple[str, ...],
    kwargs: tuple[str, ...],
) -> None:
    """Judge FILE on the sample tests of CHALLENGE, showing each in full; exit 0 when all pass.

    With --input, run your own calls instead: your function and the reference answer the
    same call, through the same sandbox, budgets and checker.
    """
    calls = parse_calls(inputs, kwargs)
    # Each sample is timed once, and not against the reference: on inputs this small the
    # ratio is noise. The point here is a fast verdict.
    options = {
        "tests": "none" if calls else "samples",
        "custom": calls,
        "repeat": False,
        "compare_reference": False,
        "check_state": True,
    }
    fmt = machine_format(as_json, fmt, hidden_visibility)
    judge_file(ctx, Request(challenge, file, fmt, "samples", options, watch, require_isolation, hidden_visibility))


def parse_calls(inputs: tuple[str, ...], kwargs: tuple[str, ...]) -> list[Call]:
    """The --input and --kwargs options as calls; a one-line usage error for anything malformed."""
    from judge.problems.calls import Call  # deferred: keeps `judge --help` fast

    if inputs and kwargs and len(inputs) != len(kwargs):
        raise JudgeError(
            f"give one --kwargs per --input (or none): got {len(inputs)} --input and {len(kwargs)} --kwargs"
        )
    count = max(len(inputs), len(kwargs))
    calls = []
    for i in range(count):
        args = _json_option("--input", inputs[i], list, '\'["ab", "ba"]\'') if inputs else []
        named = _json_option("--kwargs", kwargs[i], dict, "'{\"gap\": 1}'") if kwargs else {}
        calls.append(Call(args, named))
    return calls


def _json_option(option: str, text: str, kind: type, example: str) -> Any:
    what = "a JSON list of the arguments" if kind is list else "a JSON object of keyword arguments"
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise JudgeError(
            f"{option} {text!r} is not valid JSON ({exc.msg}); give {what}, e.g. {option} {example}"
        ) from None
    if not isinstance(value, kind):
        raise JudgeError(f"{option} must be {what}, not {type(value).__name__}; e.g. {option} {example}")
    return value


def judge_file(ctx: click.Context, request: Request) -> None:
    """Load, judge, show, record: once, or on every save with --watch."""
    # Deferred imports: `judge --help` must not pay for the engine. The sandbox probe
    # starts first, in a background thread, so it overlaps loading the tests; the
    # problem sets in use are known (and so proven hidden) before it starts. The
    # solution's child starts as soon as the challenge says what it preloads, and boots
    # while the tests load; it gets the solution only once the probe has proven its sandbox.
    from judge.problems.problemset import find, problem_sets
    from judge.runner.sandbox import warm_up

    root = root_of(ctx)
    problem_sets(root)
    warm_up()
    swapped(request.challenge, request.file, root)
    ch = find(request.challenge, root)
    solution_file(request.file)
    if not request.watch:  # watch mode keeps its own spare child
        warm_up(ch.config.allowed_modules)
    try:
        judge_challenge(ctx, ch, request)
    finally:
        # An early child the judgment did not take (a usage error came first) goes now,
        # not when the process exits: a caller that stays (a test runner, a script
        # calling the cli) must not keep a sandboxed process behind.
        from judge.runner.spares import drop_early

        drop_early()


def judge_challenge(ctx: click.Context, ch: Challenge, request: Request) -> None:
    """Judge the file against a found challenge: once, or on every save with --watch."""
    ch.tests  # noqa: B018 - load (and check) the tests before anything is shown
    from judge.judging.engine import Options
    from judge.problems.calls import custom_cases

    custom_cases(ch, request.options.get("custom", []))  # a call that does not fit is a usage error, now
    if not request.as_json:
        from judge.cli import views  # noqa: F401 - rich, loaded while the child may still be booting
    sandbox = checked_sandbox(request.require_isolation, "judge")
    options = Options(sandbox=sandbox, **request.options)
    if not request.watch:
        report = judge_once(ch, request, options)
        ctx.exit(ExitCode.OK if report.verdict.value == "AC" else ExitCode.FAILED)
    watch_file(ch, request, options)


def judge_once(ch: Challenge, request: Request, options: Options) -> Report:
    """Judge the file, show the report, add it to the history."""
    from judge.judging.engine import judge, selected
    from judge.model.source import Source

    source = Source.from_path(request.file)
    if request.as_json:
        report = judge(ch, source, options, calibration_notice)
    else:
        from judge.cli import progress  # rich, only for the terminal view

        total = len(selected(ch, options.tests)) + len(options.custom)
        with progress.Live(enabled=True, total=total) as live:
            report = judge(ch, source, options, live.on_event)
    if request.fmt == "json":
        click.echo(json.dumps(report.to_dict()))
    elif request.fmt is not None:
        from judge.formats import render  # deferred, as in format_context

        click.echo(render(request.fmt, report, format_context(ch, request.hidden_visibility)), nl=False)
    else:
        from judge.cli import views

        views.report(report, view=request.view)
    remember(report, source.data, str(request.file))
    return report


def calibration_notice(event: Event) -> None:
    """Without the terminal view (stdout carries the report): only calibration says it is slow, on stderr."""
    from judge.model.events import Calibrating

    if isinstance(event, Calibrating):
        from judge.formats.text import printable  # deferred: calibrating is rare, and slow anyway

        click.echo(printable(event.text), err=True)


def remember(report: Report, data: bytes, file: str) -> None:
    """Add the attempt to the history; a broken history warns and never fails the judging."""
    from judge.practice import history

    try:
        history.record(report, data, file)
    except history.HistoryError as exc:
        click.echo(f"judge: warning: the attempt was not added to the history ({exc})", err=True)


def watch_file(ch: Challenge, request: Request, options: Options) -> None:
    """Judge now and on every save, keeping a started child in reserve; Ctrl-C leaves with 130."""
    from judge.cli import views
    from judge.practice.watch import watch
    from judge.runner.spares import Spares

    assert options.sandbox is not None
    with Spares(options.sandbox) as spares:
        options.spares = spares

        def again() -> None:
            if not request.as_json:
                views.clear()
            try:
                judge_once(ch, request, options)
            except JudgeError as exc:  # e.g. a broken challenge file: say so, and keep watching
                click.echo(f"judge: error: {exc}", err=True)
            except OSError as exc:  # the file went away between the save and the read
                click.echo(f"judge: error: cannot read {request.file}: {exc.strerror}", err=True)
            if not request.as_json:
                views.waiting(request.file)

        spares.fill()
        again()
        try:
            watch(request.file, again)
        except KeyboardInterrupt:
            click.echo("judge: stopped watching", err=True)
            click.get_current_context().exit(INTERRUPTED)


COMMANDS = [run, test_cmd]
