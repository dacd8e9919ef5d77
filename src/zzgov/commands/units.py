"""`zzgov units PATH...`: each unit with the tasks it leads and those it shares."""

from __future__ import annotations

import sys

import click

from zzgov.cliutil import emit_rows, format_option, input_option, load_documents, quiet_broken_pipe, verbose_option
from zzgov.export.summaries import UNIT_COLUMNS, UNIT_SORTS, unit_rows


@click.command(name="units")
@click.argument("paths", nargs=-1, type=str)
@format_option()
@click.option("--sort", type=click.Choice(UNIT_SORTS), default="appearance", show_default=True,
              help="Row order within each document.")
@input_option
@verbose_option
@quiet_broken_pipe
def command(paths, fmt, sort, verbose):
    """Units of each document (canonical names), with their lead and co-responsible tasks.

    PATH is a document's text or zzgov's JSON/JSONL/YAML records; `-` or none reads stdin.
    """
    docs, bad = load_documents(paths)
    rows = unit_rows([d for _, d in docs], sort=sort)
    # one document: leave out the document column
    columns = UNIT_COLUMNS if len({d.id for _, d in docs}) > 1 else UNIT_COLUMNS[1:]
    emit_rows(rows, columns, fmt, title="牵头 / 责任单位")
    sys.exit(1 if bad else 0)
