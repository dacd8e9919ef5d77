"""`zzgov leaders PATH...`: each leader with their tasks and the units leading them."""

from __future__ import annotations

import sys

import click

from zzgov.cliutil import emit_rows, format_option, input_option, load_documents, quiet_broken_pipe, verbose_option
from zzgov.export.summaries import LEADER_COLUMNS, leader_rows


@click.command(name="leaders")
@click.argument("paths", nargs=-1, type=str)
@format_option()
@input_option
@verbose_option
@quiet_broken_pipe
def command(paths, fmt, verbose):
    """Leaders (责任领导) of each document with their tasks and lead units.

    PATH is a document's text or zzgov's JSON/JSONL/YAML records; `-` or none reads stdin.
    """
    docs, bad = load_documents(paths)
    rows = leader_rows([d for _, d in docs])
    # one document: leave out the document column
    columns = LEADER_COLUMNS if len({d.id for _, d in docs}) > 1 else LEADER_COLUMNS[1:]
    emit_rows(rows, columns, fmt, title="责任领导")
    sys.exit(1 if bad else 0)
