"""`zzgov export PATH... --to sqlite FILE | xlsx FILE | csv DIR [--replace]`."""

from __future__ import annotations

import sqlite3
import sys

import click

from zzgov.cliutil import err, input_option, load_documents, quiet_broken_pipe, verbose_option

FORMATS = ("sqlite", "xlsx", "csv")


@click.command(name="export")
@click.argument("paths", nargs=-1, type=str)
@click.option("--to", "target", nargs=2, required=True, type=(click.Choice(FORMATS), click.Path(path_type=str)),
              metavar="FORMAT PATH", help="sqlite FILE, xlsx FILE (the 工作落实台账 ledger) or csv DIR.")
@click.option("--replace", is_flag=True,
              help="Rebuild FILE from nothing instead of updating it (sqlite, xlsx).")
@input_option
@verbose_option
@quiet_broken_pipe
def command(paths, target, replace, verbose):
    """Export documents to a SQLite database, an xlsx ledger or CSV files.

    PATH is a raw document or zzgov JSON output; `-` or none reads stdin.  An existing
    database gets each document's rows added or updated (other tables kept); an existing
    ledger is updated and keeps what people typed in 状态, 进展 and 备注; anything else
    already at FILE is refused unless --replace.  Output is written atomically; when no
    input could be read nothing is written.  A summary goes to stderr.
    """
    from zzgov import export

    fmt, out = target
    docs, bad = load_documents(paths)
    if not docs:
        err(f"{out}: nothing written: no input could be read")
        sys.exit(1)
    documents = [d for _, d in docs]
    try:
        if fmt == "csv":
            counts = export.to_csv(documents, out)
        else:
            writer = export.to_sqlite if fmt == "sqlite" else export.to_xlsx
            counts = writer(documents, out, replace=replace)
    except (OSError, sqlite3.Error, export.ExportError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        if isinstance(exc, export.ExportError):
            err(str(exc))
        else:
            err(f"{out}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}")
        if verbose:
            raise
        sys.exit(1)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    click.echo(f"zzgov: wrote {out} ({summary})", err=True)
    sys.exit(1 if bad else 0)
