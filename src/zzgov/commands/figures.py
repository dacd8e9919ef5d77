"""`zzgov figures PATH... [--kind target|actual] [--metric TEXT]`: every figure, one row each."""

from __future__ import annotations

import sys

import click

from zzgov.cliutil import emit_rows, format_option, input_option, load_documents, quiet_broken_pipe, verbose_option

COLUMNS = ("document", "id", "task", "section", "metric", "value", "value_max", "unit", "amount", "comparator",
           "direction", "kind", "estimate", "headline", "normalized_value", "normalized_unit", "start", "end", "quote")
# What a terminal shows unless --columns says otherwise: one figure per line that fits.
TABLE_COLUMNS = ("document", "metric", "amount", "kind", "quote")


@click.command(name="figures")
@click.argument("paths", nargs=-1, type=str)
@click.option("--kind", type=click.Choice(("target", "actual")), help="Only targets or only actuals.")
@click.option("--metric", help="Only figures whose metric contains this text.")
@format_option()
@input_option
@verbose_option
@quiet_broken_pipe
def command(paths, kind, metric, fmt, verbose):
    """Quantitative figures (targets and actuals) of each document.

    PATH is a document's text or zzgov's JSON/JSONL/YAML records; `-` or none reads stdin. `quote` is the
    exact source text of the figure's span when the source file is available; `amount` is
    the value with its unit (`≥6%`, `3–5个`).  A terminal shows document, metric, amount,
    kind and quote; csv, tsv and JSON carry every column (`normalized_value` and
    `normalized_unit` in base units, as in the SQLite export); --columns chooses.
    """
    from zzgov.report_html.sources import source_text
    from zzgov.track import figure_amount

    docs, bad = load_documents(paths)
    rows = []
    for path, doc in docs:
        text = source_text(doc, path)
        for f in doc.figures:
            if kind and f.kind != kind:
                continue
            if metric and metric not in (f.metric or ""):
                continue
            rows.append({
                "document": doc.id, "id": f.id, "task": f.task, "section": f.section, "metric": f.metric,
                "value": f.value, "value_max": f.value_max, "unit": f.unit, "amount": figure_amount(f),
                "comparator": f.comparator, "direction": f.direction, "kind": f.kind, "estimate": f.estimate,
                "headline": f.headline,
                "normalized_value": f.normalized.value if f.normalized else None,
                "normalized_unit": f.normalized.unit if f.normalized else None,
                "start": f.span.start, "end": f.span.end,
                "quote": text[f.span.start:f.span.end] if text is not None else None,
            })
    emit_rows(rows, COLUMNS, fmt, title="figures", table_columns=TABLE_COLUMNS)
    sys.exit(1 if bad else 0)
