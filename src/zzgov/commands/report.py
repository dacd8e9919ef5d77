"""`zzgov report PATH... -o report.html`: one self-contained HTML page for people to read.

PATH may be raw texts or zzgov JSON/JSONL/YAML output (`zzgov parse -o DIR`); for the latter
the source text is found through `source.path` and checked against `source.sha256`.  Each
target is paired with the best actual a document that can report on its year gives
(`zzgov.track.track_documents`; `--no-track` leaves the pairs out).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import click

from zzgov.cliutil import err, input_option, load_documents, quiet_broken_pipe, verbose_option

from zzgov.kinds import NAMES as KIND_CHOICES


def warn(msg: str) -> None:
    click.echo(f"zzgov: warning: {msg}", err=True)


@click.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="The HTML file to write (atomically); `-` for standard output.")
@click.option("--kind", type=click.Choice(KIND_CHOICES), help="Parse raw texts as this kind.")
@click.option("--title", help="Page title (default: the document's title).")
@click.option("--track/--no-track", "use_track", default=True, show_default=True,
              help="Pair targets with the actuals other documents report (zzgov track).")
@input_option
@verbose_option
@quiet_broken_pipe
def command(paths, output, kind, title, use_track, verbose):
    """Write one offline HTML report: overview, tasks with filters, responsibility matrix,
    figures and target → actual pairs, each record linked to its highlighted source passage.

    Units are filtered by canonical name or any spelling; each task has an anchor
    (report.html#<document>-<task id>).  Exit 1 when some input could not be read (the
    report still covers the rest); a folder that cannot be written is a one-line error.
    """
    from zzgov.emit import atomic_write
    from zzgov.report_html import render_report, source_text
    from zzgov.track import track_documents

    stdin_bytes = None
    if not paths or "-" in paths:
        # Read standard input once here so its text is still at hand for provenance.
        stdin_bytes = sys.stdin.buffer.read()
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding="utf-8")
    loaded, bad = load_documents(paths, kind)
    if not loaded:
        err("no documents to report on")
        sys.exit(1)
    docs, texts = [], []
    for path, doc in loaded:
        text = source_text(doc, path, raw=stdin_bytes if path == "-" else None)
        if text is None:
            warn(f"{path}: source text of {doc.id} not found; its provenance links are disabled")
        docs.append(doc)
        texts.append(text)
    pairs = track_documents(docs) if use_track else None
    page = render_report(docs, texts, pairs=pairs, title=title)
    from zzgov.emit.stdout import StdoutError, write_stdout_text

    try:
        if output == "-":
            write_stdout_text(page)  # every byte checked: a full disk is an error, not a cut page
        else:
            atomic_write(Path(output), page)
    except OSError as exc:  # a read-only folder, a full disk: one line, nothing half-written
        if isinstance(exc, (BrokenPipeError, StdoutError)):  # reported by quiet_broken_pipe
            raise
        err(f"{output}: {exc.strerror or exc}")
        if verbose:
            raise
        sys.exit(1)
    sys.exit(1 if bad else 0)
