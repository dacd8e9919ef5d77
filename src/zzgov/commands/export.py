"""`zzgov export PATH... --to sqlite FILE | xlsx FILE | csv DIR`."""

from __future__ import annotations

import sys

import click

from zzgov.cliutil import err, input_option, load_documents, quiet_broken_pipe, verbose_option

FORMATS = ("sqlite", "xlsx", "csv")


@click.command(name="export")
@click.argument("paths", nargs=-1, type=str)
@click.option("--to", "target", nargs=2, required=True, type=(click.Choice(FORMATS), click.Path(path_type=str)),
              metavar="FORMAT PATH", help="sqlite FILE, xlsx FILE (the 工作落实台账 ledger) or csv DIR.")
@input_option
@verbose_option
@quiet_broken_pipe
def command(paths, target, verbose):
    """Export documents to a SQLite database, an xlsx ledger or CSV files.

    PATH is a raw document or zzgov JSON output; `-` or none reads stdin.  The output is
    written atomically; a summary of what was written goes to stderr.
    """
    from zzgov import export

    fmt, out = target
    docs, bad = load_documents(paths)
    writer = {"sqlite": export.to_sqlite, "xlsx": export.to_xlsx, "csv": export.to_csv}[fmt]
    try:
        counts = writer([d for _, d in docs], out)
    except (OSError, RuntimeError) as exc:
        err(f"{out}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}")
        if verbose:
            raise
        sys.exit(1)
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    click.echo(f"zzgov: wrote {out} ({summary})", err=True)
    sys.exit(1 if bad else 0)
