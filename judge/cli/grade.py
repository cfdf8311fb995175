"""``judge grade``: judge a folder of submissions into a gradebook, locally or on a Dask cluster."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from judge.cli.app import root_of
from judge.cli.run import REPORT_FORMATS, format_context, hidden_visibility_option
from judge.model.errors import JudgeError

if TYPE_CHECKING:
    from judge.grading.gradebook import Scorer
    from judge.grading.submissions import Submission
    from judge.model.report import Report
    from judge.problems.challenge import Challenge
    from judge.runner.sandbox import ProcessSandbox


@click.command()
@click.argument("challenge")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--glob", "pattern", default="*.py", show_default=True, help="Which files of FOLDER are submissions.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The gradebook, .csv or .jsonl (default: gradebook-CHALLENGE.csv). Re-running resumes it.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace --out even when it is not a gradebook of CHALLENGE (and write into a --feedback folder "
    "or over a --similarity file that is not this challenge's).",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Local worker processes (default: every core).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Judge on this Dask distributed cluster instead.")
@click.option(
    "--allow-unisolated",
    is_flag=True,
    help="Grade even where submissions cannot be fully isolated (no bubblewrap); every row says so.",
)
@click.option(
    "--max-kib",
    type=click.IntRange(min=1),
    default=1024,
    show_default=True,
    help="Larger files are not judged (their row says why).",
)
@click.option(
    "--feedback",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one feedback file per student into this folder (what that student may see).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
    help="The feedback files' format (with --feedback; default markdown).",
)
@hidden_visibility_option
@click.option(
    "--sort",
    type=click.Choice(["score", "name"]),
    default="score",
    show_default=True,
    help="The order of the per-student table.",
)
@click.option(
    "--similarity",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Compare every pair of submissions and write an HTML report of the similar ones here.",
)
@click.option(
    "--similarity-threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=0.5,
    show_default=True,
    help="Flag a pair when this share of one submission's code is found in the other.",
)
@click.pass_context
def grade(
    ctx: click.Context,
    challenge: str,
    folder: Path,
    pattern: str,
    out: Path | None,
    force: bool,
    jobs: int | None,
    scheduler: str | None,
    allow_unisolated: bool,
    max_kib: int,
    feedback: Path | None,
    fmt: str | None,
    hidden_visibility: str | None,
    sort: str,
    similarity: Path | None,
    similarity_threshold: float,
) -> None:
    """Judge every submission in FOLDER on CHALLENGE and write a gradebook.

    A submission already in the gradebook with the same content and challenge
    version is skipped, so an interrupted run resumes where it stopped. Links,
    files that are not regular and files over --max-kib are never judged (their
    row says why). Grading needs full isolation unless --allow-unisolated is given.
    """
    if jobs is not None and scheduler:
        raise JudgeError("use just one of --jobs (a local pool) or --scheduler (a Dask cluster)")
    if fmt is not None and feedback is None:
        raise JudgeError(f"--format {fmt} is the format of the feedback files; add --feedback DIR")
    if hidden_visibility is not None and fmt != "gradescope":
        raise JudgeError("--hidden-visibility applies only to --format gradescope")
    # Deferred imports: `judge --help` must not pay for the engine.
    from judge.cli import progress, views
    from judge.grading import similarity as similar
    from judge.grading.backends import DaskCluster, LocalPool
    from judge.grading.feedback import FeedbackFolder
    from judge.grading.gradebook import Backend, Gradebook, Scorer, grade, write_atomically
    from judge.grading.submissions import collect
    from judge.problems.problemset import find
    from judge.runner.sandbox import best_sandbox

    ch = find(challenge, root_of(ctx))
    out = out or Path(f"gradebook-{ch.id}.csv")

    # Everything that can refuse does so before anything is judged or written.
    book = Gradebook(out, ch.id, force=force)
    outputs = [out, book.lock_path, *(p for p in (feedback, similarity) if p is not None)]
    submissions = collect(folder, pattern, max_kib * 1024, skip=outputs)
    if similarity is not None:
        similar.check_output(similarity, force)
    sandbox = best_sandbox()
    if scheduler is None:  # a cluster's workers each check their own sandbox
        isolation_gate(sandbox, allow_unisolated)
    writer = None
    if feedback is not None:
        context = format_context(ch, hidden_visibility)
        writer = FeedbackFolder(feedback, fmt or "markdown", context, ch.id, folder, force=force)
    cluster = DaskCluster(scheduler, ch, {}, require_isolation=not allow_unisolated) if scheduler else None
    book.lock()
    grader = Scorer(ch.id, ch.digest, ch.config.grading.weights, isolation=sandbox.isolation)

    def backend(todo: list[Submission]) -> Iterator[tuple[Submission, Report | str]]:
        """Calibrates only when something is left to judge (a finished gradebook reruns at once)."""
        budgets = calibrate(ch, sandbox, grader)
        judging: Backend
        if cluster is not None:
            cluster.budgets = budgets
            judging = cluster
        else:
            judging = LocalPool(ch, budgets, jobs or os.cpu_count() or 1, require_isolation=not allow_unisolated)
        yield from judging(todo)

    try:
        with progress.GradeProgress(len(submissions)) as bar:
            summary = grade(
                submissions, grader, backend, book, bar.advance, feedback=writer, isolated=not allow_unisolated
            )
    except KeyboardInterrupt:
        click.echo(
            f"judge: interrupted; {len(book.rows)} rows are safe in {out}; run the same command to resume", err=True
        )
        ctx.exit(130)
    finally:
        book.unlock()
        if cluster is not None:
            cluster.close()
    views.grade_summary(summary, out, sort=sort)
    if feedback is not None:
        views.line(f"feedback: one file per student in {feedback}")
    if similarity is not None:
        sources = {s.name: s.data for s in submissions if s.refused is None}
        pairs, compared = similar.compare(sources, ch.stub(), similarity_threshold)
        page = similar.render(pairs, ch.id, len(sources), compared, similarity_threshold)
        write_atomically(similarity, page, "the similarity report")
        views.similarity_summary(pairs, compared, similarity)


def isolation_gate(sandbox: ProcessSandbox, allowed: bool) -> None:
    """Grading runs a whole class's untrusted code: below full isolation only when asked, and said."""
    iso = sandbox.isolation
    if iso.isolated:
        return
    why = "; ".join(iso.missing)
    if not allowed:
        raise JudgeError(
            f"full isolation is not available ({why}); install bubblewrap, or pass --allow-unisolated "
            "to grade anyway (every row will say isolated=False)"
        )
    click.echo(f"judge: warning: the submissions are NOT isolated ({why})", err=True)


def calibrate(ch: Challenge, sandbox: ProcessSandbox, grader: Scorer) -> dict[str, float]:
    """The per-test budgets (calibrated once, before fanning out), and the reference ratio for the rows."""
    from judge.cli import progress  # deferred, as in grade(): `judge --help` must not pay for the engine
    from judge.judging.calibration import budgets_for

    calibration = budgets_for(ch, sandbox, progress.notice_event)
    grader.ratio = calibration.ratio
    return calibration.budgets_s


COMMANDS = [grade]
