"""`zzgov eval GOLD.jsonl... [--docs DIR]`: precision, recall and F1 of figures against gold."""

from __future__ import annotations

import json
import sys
from collections import OrderedDict
from pathlib import Path

import click

from zzgov.cliutil import emit_rows, err, format_option, quiet_broken_pipe, resolve_row_format

COLUMNS = ("gold", "document", "precision", "recall", "f1", "tp", "gold_rows", "predicted",
           "unit", "comparator", "direction", "kind", "metric_f1", "metric_containment", "indicator")


def _parse_tasks(spec: str | None) -> range | None:
    if not spec:
        return None
    lo, _, hi = spec.partition("-")
    try:
        return range(int(lo), int(hi or lo) + 1)
    except ValueError:
        raise click.BadParameter("use N or N-M, e.g. 1-75", param_hint="--tasks") from None


@click.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--docs", "docs_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("data/raw"), show_default=True,
              help="Folder holding the documents the gold rows name (raw texts).")
@click.option("--tasks", "tasks_spec", help="Score only figures inside these tasks (N-M); default: "
              "for notice gold, tasks 1 to the highest task the gold names.")
@format_option(("table", "json", "jsonl", "csv"))
@click.option("-v", "--verbose", is_flag=True, help="List missed, extra and mislabelled figures.")
@quiet_broken_pipe
def command(gold, docs_dir, tasks_spec, fmt, verbose):
    """Score figure extraction against gold rows (shared/gold/GUIDE.md format).

    A figure matches a gold row when its span overlaps the quote and its value is equal
    (the rules of devscore.py). Prints P/R/F1 per gold file and document, the total, and
    the accuracy of unit, comparator, direction and kind among matches, the metric names'
    character-level F1 and containment, and (for gold naming indicators) indicator accuracy.
    """
    from zzgov.api import parse_path
    from zzgov.evaluate import Score, default_task_scope, score_document, scoped_figures
    from zzgov.text import decode_bytes

    scope_override = _parse_tasks(tasks_spec)
    total = Score()
    rows_out = []
    cache: dict[str, tuple] = {}
    failed = False
    for gpath in gold:
        try:
            rows = [json.loads(line) for line in Path(gpath).read_text(encoding="utf-8").splitlines() if line.strip()]
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            err(f"{gpath}: cannot read gold rows: {exc}")
            failed = True
            continue
        by_doc: OrderedDict[str, list[dict]] = OrderedDict()
        for r in rows:
            by_doc.setdefault(r.get("doc", ""), []).append(r)
        for name, drows in by_doc.items():
            path = docs_dir / name
            if name not in cache:
                try:
                    cache[name] = (decode_bytes(path.read_bytes())[0], parse_path(path))
                except Exception as exc:  # one unreadable document must not end the evaluation
                    err(f"{path}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
                    failed = True
                    continue
            text, doc = cache[name]
            scope = scope_override or default_task_scope(drows)
            s = score_document(text, scoped_figures(doc, scope), drows)
            total.add(s)
            rows_out.append(_row(Path(gpath).name, name, s))
            if verbose:
                for label, items in (("missed", s.misses), ("not in gold", s.extras), ("mislabelled", s.wrong)):
                    for item in items:
                        click.echo(f"{Path(gpath).name}: {label}: {item.replace(chr(10), '⏎')}", err=True)
    rows_out.append(_row("(all)", "", total))
    fmt = resolve_row_format(fmt)
    emit_rows(rows_out, COLUMNS, fmt, title="figures vs gold")
    sys.exit(1 if failed else 0)


def _row(gold: str, doc: str, s) -> dict:
    d = s.as_dict()
    return {
        "gold": gold, "document": doc, "precision": d["precision"], "recall": d["recall"], "f1": d["f1"],
        "tp": s.tp, "gold_rows": s.gold, "predicted": s.predicted,
        "unit": d["unit_accuracy"], "comparator": d["comparator_accuracy"],
        "direction": d["direction_accuracy"], "kind": d["kind_accuracy"],
        "metric_f1": d["metric_f1"], "metric_containment": d["metric_containment"],
        "indicator": d["indicator_accuracy"],
    }
