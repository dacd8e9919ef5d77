"""`zzgov figures PATH... [--kind target|actual] [--metric TEXT]`: every figure, one row each."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from zzgov.cliutil import emit_rows, format_option, load_documents, quiet_broken_pipe, verbose_option

COLUMNS = ("document", "id", "task", "section", "metric", "value", "value_max", "unit", "comparator",
           "direction", "kind", "estimate", "headline", "normalized", "start", "end", "quote")


def _source_text(path: str, doc) -> str | None:
    """The decoded source text, when the record's source file is still there and unchanged."""
    import hashlib

    from zzgov.text import decode_bytes

    for candidate in (path, doc.source.path):
        p = Path(candidate)
        if candidate == "-" or p.suffix.lower() in (".json", ".jsonl", ".yaml", ".yml") or not p.is_file():
            continue
        data = p.read_bytes()
        if hashlib.sha256(data).hexdigest() == doc.source.sha256:
            return decode_bytes(data)[0]
    return None


@click.command(name="figures")
@click.argument("paths", nargs=-1, type=str)
@click.option("--kind", type=click.Choice(("target", "actual")), help="Only targets or only actuals.")
@click.option("--metric", help="Only figures whose metric contains this text.")
@format_option()
@verbose_option
@quiet_broken_pipe
def command(paths, kind, metric, fmt, verbose):
    """Quantitative figures (targets and actuals) of each document.

    PATH is a raw document or zzgov JSON output; `-` or none reads stdin. `quote` is the
    exact source text of the figure's span when the source file is available.
    """
    docs, bad = load_documents(paths)
    rows = []
    for path, doc in docs:
        text = None if path == "-" else _source_text(path, doc)
        for f in doc.figures:
            if kind and f.kind != kind:
                continue
            if metric and metric not in (f.metric or ""):
                continue
            rows.append({
                "document": doc.id, "id": f.id, "task": f.task, "section": f.section, "metric": f.metric,
                "value": f.value, "value_max": f.value_max, "unit": f.unit, "comparator": f.comparator,
                "direction": f.direction, "kind": f.kind, "estimate": f.estimate, "headline": f.headline,
                "normalized": f.normalized.model_dump() if f.normalized else None,
                "start": f.span.start, "end": f.span.end,
                "quote": text[f.span.start:f.span.end] if text is not None else None,
            })
    emit_rows(rows, COLUMNS, fmt, title="figures")
    sys.exit(1 if bad else 0)
