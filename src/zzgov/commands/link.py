"""`zzgov link A B...`: which tasks of notice A restate which passages of B."""

from __future__ import annotations

import sys

import click

from zzgov.cliutil import emit_rows, err, format_option, input_option, load_documents, quiet_broken_pipe, verbose_option
from zzgov.link import MIN_SCORE, link_rows, original_text

COLUMNS = ("task", "other", "start", "end", "score", "task_text", "passage")


@click.command(name="link")
@click.argument("notice", type=str)
@click.argument("others", nargs=-1, required=True, type=str)
@click.option("--min-score", type=click.FloatRange(0, 1), default=MIN_SCORE, show_default=True,
              help="Least share of a task's wording found in the passage (long partial quotes need less).")
@format_option()
@input_option
@verbose_option
@quiet_broken_pipe
def command(notice, others, min_score, fmt, verbose):
    """Link the tasks of NOTICE to the passages of OTHERS (reports, news) that restate them.

    Each row gives the passage's span in the other document's original text (code point
    offsets, [start, end)) and a score: the share of the task's wording found there.  Paths
    are raw documents or zzgov JSON output whose source files are still in place.
    """
    plans, bad = load_documents((notice,))
    targets, bad_others = load_documents(others)
    bad = bad or bad_others
    rows = []
    for _, plan in plans:
        if not plan.tasks:
            err(f"{notice}: no tasks to link")
            bad = True
            continue
        for path, other in targets:
            text = original_text(other, path)
            if text is None:
                err(f"{path}: cannot read the original text of {other.source.path}")
                bad = True
                continue
            rows.extend(link_rows(plan.id, plan.tasks, other.id, text, min_score=min_score))
    emit_rows(rows, COLUMNS, fmt, title="任务 ↔ 原文")
    sys.exit(1 if bad else 0)
