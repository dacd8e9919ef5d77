"""`zzgov panel PATHS...`: targets and actuals, one row per place × year × standard indicator."""

from __future__ import annotations

import sys

import click

from zzgov.cliutil import emit_rows, format_option, input_option, load_documents, quiet_broken_pipe


@click.command(name="panel")
@click.argument("paths", nargs=-1, type=str)
@format_option()
@input_option
@quiet_broken_pipe
def command(paths, fmt):
    """One row per place, year and standard indicator: the target (value, comparator, source
    span) next to the actual (value, source span), from any mix of reports, news and notices.

    PATHS are raw texts or zzgov JSON/JSONL/YAML output (a directory is read whole).  Place
    and year come from each document's meta: a target counts for the plan year, an actual
    for the year its document reports on (a work report reviews the year before its own).
    """
    from zzgov.figures.panel import COLUMNS, panel_rows, sources_from

    docs, bad = load_documents(paths)
    rows = panel_rows(sources_from(docs))
    emit_rows(rows, COLUMNS, fmt, title="目标与完成 (panel)")
    sys.exit(1 if bad else 0)
