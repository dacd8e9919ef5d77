"""`zzgov track PLAN RESULTS...`: targets of a plan against the actuals reported later."""

from __future__ import annotations

import sys

import click

from zzgov.cliutil import emit_rows, err, format_option, input_option, load_documents, quiet_broken_pipe, verbose_option
from zzgov.track import MIN_SIMILARITY, documents_incomparable, pair_rows

COLUMNS = ("task", "metric", "target", "results", "actual_metric", "actual", "similarity", "verdict",
           "target_start", "target_end", "actual_start", "actual_end", "reason")


@click.command(name="track")
@click.argument("plan", type=str)
@click.argument("results", nargs=-1, required=True, type=str)
@click.option("--min-similarity", type=click.FloatRange(0, 1), default=MIN_SIMILARITY, show_default=True,
              help="Least similarity of two metrics (character bigrams, Dice) for a pair.")
@click.option("--matched-only", is_flag=True, help="Leave out targets with no actual figure found.")
@format_option()
@input_option
@verbose_option
@quiet_broken_pipe
def command(plan, results, min_similarity, matched_only, fmt, verbose):
    """Pair each target figure of PLAN with the actual figure RESULTS report for the same metric.

    Verdict met / not met / unknown, with the spans of both figures (offsets into each
    source's original text).  Only comparable figures pair (the same standard indicator, or
    similar metrics with units of one kind and the same direction); a target left unknown
    says why.  Results documents about another place, or reporting on another year than the
    plan's (a work report reviews the year before its own), are skipped.
    """
    plans, bad = load_documents((plan,))
    found, bad_results = load_documents(results)
    bad = bad or bad_results
    rows = []
    for _, p in plans:
        if not any(f.kind == "target" for f in p.figures):
            # The usual slip is the order: `track RESULTS PLAN` would print nothing at all.
            err(f"{plan}: no target figures to track (the plan comes first: zzgov track PLAN RESULTS...)")
            bad = True
            continue
        usable = []
        for path, r in found:
            why = documents_incomparable(p, r)
            if why:
                err(f"{path}: {why}; skipped")
                continue
            if not any(f.kind == "actual" for f in r.figures):
                err(f"{path}: no actual figures to compare with the plan's targets")
                bad = True
                continue
            usable.append(r)
        rows.extend(pair_rows(p, usable, min_similarity=min_similarity))
    if matched_only:
        rows = [r for r in rows if r["actual"] is not None]
    emit_rows(rows, COLUMNS, fmt, title="目标 ↔ 完成")
    sys.exit(1 if bad else 0)
