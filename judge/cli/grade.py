"""``judge grade``: judge a folder of submissions into a gradebook, locally or on a Dask cluster."""

from __future__ import annotations

import os
from pathlib import Path

import click

from judge.cli.app import root_of
from judge.model.errors import JudgeError


@click.command()
@click.argument("challenge")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--glob", "pattern", default="*.py", show_default=True, help="Which files of FOLDER are submissions.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The gradebook, .csv or .jsonl (default: gradebook-CHALLENGE.csv). Re-running resumes it.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Local worker processes (default: every core).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Judge on this Dask distributed cluster instead.")
@click.pass_context
def grade(
    ctx: click.Context,
    challenge: str,
    folder: Path,
    pattern: str,
    out: Path | None,
    jobs: int | None,
    scheduler: str | None,
) -> None:
    """Judge every submission in FOLDER on CHALLENGE and write a gradebook.

    A submission already in the gradebook with the same content and challenge
    version is skipped, so an interrupted run resumes where it stopped.
    """
    from judge.problems.problemset import find  # deferred: keeps `judge --help` fast

    if jobs is not None and scheduler:
        raise JudgeError("use just one of --jobs (a local pool) or --scheduler (a Dask cluster)")
    ch = find(challenge, root_of(ctx))
    out = out or Path(f"gradebook-{ch.id}.csv")

    from judge.cli import progress, views
    from judge.grading.backends import DaskCluster, LocalPool
    from judge.grading.gradebook import Backend, Gradebook, Scorer, collect, grade
    from judge.judging.calibration import budgets_for
    from judge.runner.sandbox import best_sandbox

    book = Gradebook(out)
    submissions = collect(folder, pattern)
    calibration = budgets_for(ch, best_sandbox(), progress.notice_event)
    grader = Scorer(ch.id, ch.digest, ch.config.grading.weights, ratio=calibration.ratio)
    cluster = None
    backend: Backend
    if scheduler:
        backend = cluster = DaskCluster(scheduler, ch, calibration.budgets_s)
    else:
        backend = LocalPool(ch, calibration.budgets_s, jobs or os.cpu_count() or 1)
    try:
        with progress.GradeProgress(len(submissions)) as bar:
            summary = grade(submissions, grader, backend, book, progress=bar.advance)
    except KeyboardInterrupt:
        click.echo(
            f"judge: interrupted; {len(book.rows)} rows are safe in {out}; run the same command to resume", err=True
        )
        ctx.exit(130)
    finally:
        if cluster is not None:
            cluster.close()
    views.grade_summary(summary, out)


COMMANDS = [grade]
