#!/usr/bin/env python3
"""Development harness for the figure extractor: score `extract_figures` against the gold files.

Usage (from the project root):  .venv/bin/python scripts/figdev.py [-v] [--show DOC]

Matching mirrors ../shared/tools/devscore.py exactly: a predicted figure matches a gold one when
its span overlaps the gold quote and its value is equal (|Δ| < 1e-9), gold rows taken in order,
each prediction used once; then unit (NFKC, whitespace-stripped, equal), comparator, direction
and kind accuracy among the matched. 001 is scored on tasks 1-75 only (default_kind="target",
one call per task span); 000 and 004 on the whole text with default_kind=None.

`--show 002` prints every figure found in a corpus file (for eyeballing documents without gold).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from zzgov.figures import extract_figures  # noqa: E402

ATTRS = ("unit", "comparator", "direction", "kind")
# A task of the notice begins a line with its number: "23. 着力提升产业能级" / "23．…".
TASK_START = re.compile(r"(?m)^[ \t\u3000]*(\d{1,3})[.．]")


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def task_spans(text: str) -> dict[int, tuple[int, int]]:
    """{seq: (start, end)} of the numbered tasks: consecutive numbers only, each task ending where
    the next begins (a simple stand-in for the notice parser)."""
    starts, want = [], 1
    for m in TASK_START.finditer(text):
        if int(m.group(1)) == want:
            starts.append((want, m.start()))
            want += 1
    spans = {}
    for k, (seq, pos) in enumerate(starts):
        spans[seq] = (pos, starts[k + 1][1] if k + 1 < len(starts) else len(text))
    return spans


def predictions(doc: str, text: str, scope=None):
    """Predicted figures as devscore-shaped dicts."""
    figs = []
    if scope:
        spans = task_spans(text)
        for seq in sorted(scope):
            if seq in spans:
                figs += extract_figures(text, *spans[seq], default_kind="target")
    else:
        figs = extract_figures(text, default_kind=None)
    return [{"span": {"start": f.start, "end": f.end}, "value": f.value, "unit": f.unit,
             "comparator": f.comparator, "direction": f.direction, "kind": f.kind, "metric": f.metric}
            for f in figs]


def score(preds, text, rows):
    """devscore.score_figures' matching, on prediction dicts."""
    used, tp, attr, misses, wrong = set(), 0, dict.fromkeys(ATTRS, 0), [], []
    for g in rows:
        gs = text.find(g["quote"])
        ge = gs + len(g["quote"])
        j = next((j for j, f in enumerate(preds) if j not in used and f["span"]["start"] < ge and f["span"]["end"] > gs
                  and f.get("value") is not None and abs(float(f["value"]) - float(g["value"])) < 1e-9), None)
        if j is None:
            misses.append(g["quote"].replace("\n", "⏎") + f" [{g['value']}]")
            continue
        used.add(j)
        tp += 1
        f = preds[j]
        ok_unit = norm(f.get("unit")) == norm(g["unit"])
        attr["unit"] += ok_unit
        bad = [] if ok_unit else [f"unit {f.get('unit')!r}≠{g['unit']!r}"]
        for k in ("comparator", "direction", "kind"):
            attr[k] += f.get(k) == g[k]
            if f.get(k) != g[k]:
                bad.append(f"{k} {f.get(k)}≠{g[k]}")
        if bad:
            wrong.append(g["quote"].replace("\n", "⏎") + ": " + ", ".join(bad))
    extra = [text[f["span"]["start"]:f["span"]["end"]].replace("\n", "⏎") for j, f in enumerate(preds) if j not in used]
    return tp, len(rows), len(preds), attr, misses, extra, wrong


GOLD_FILES = (("targets_001_a.jsonl", "001_87fdf972b4e7a4f0.txt", set(range(1, 76))),
              ("figures_004.jsonl", "004_66ae2ada72c6f6af.txt", None),
              ("figures_000.jsonl", "000_d53af9a925e43872.txt", None))


def evaluate(shared: Path = SHARED, verbose: bool = False, out=print):
    """Score every gold file; returns (per-file results, F1, attribute accuracies)."""
    T = G = P = 0
    A = dict.fromkeys(ATTRS, 0)
    results = {}
    for gf, doc, scope in GOLD_FILES:
        text = (shared / "corpus" / doc).read_text(encoding="utf-8")
        rows = [json.loads(line) for line in open(shared / "gold" / gf, encoding="utf-8") if line.strip()]
        tp, ng, np_, attr, misses, extras, wrong = score(predictions(doc, text, scope), text, rows)
        results[gf] = (tp, ng, np_)
        T, G, P = T + tp, G + ng, P + np_
        for k in A:
            A[k] += attr[k]
        pr, rc = (tp / np_ if np_ else 0), (tp / ng if ng else 0)
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0
        out(f"figures {gf}: P {pr:.3f} R {rc:.3f} F1 {f1:.3f} ({tp}/{ng} found, {np_} predicted)")
        if verbose:
            out("  missed: " + " | ".join(misses))
            out("  not in gold: " + " | ".join(extras))
            out("  attributes: " + "\n              ".join(wrong))
    pr, rc = (T / P if P else 0), (T / G if G else 0)
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0
    acc = {k: (v / T if T else 0) for k, v in A.items()}
    out(f"figures: P {pr:.3f} R {rc:.3f} F1 {f1:.3f}; of matched: " + ", ".join(f"{k} {v:.3f}" for k, v in acc.items()))
    return results, f1, acc


def show(prefix: str, default_kind: str | None, tasks: str | None):
    path = next((shared_p for shared_p in sorted((SHARED / "corpus").glob(prefix + "*.txt"))), None)
    if path is None:
        sys.exit(f"no corpus file starts with {prefix}")
    text = path.read_text(encoding="utf-8")
    if tasks:
        lo, _, hi = tasks.partition("-")
        spans = task_spans(text)
        figs = [(seq, f) for seq in range(int(lo), int(hi or lo) + 1) if seq in spans
                for f in extract_figures(text, *spans[seq], default_kind=default_kind)]
    else:
        figs = [(None, f) for f in extract_figures(text, default_kind=default_kind)]
    for seq, f in figs:
        ctx = text[max(0, f.start - 12):f.end + 6].replace("\n", "⏎")
        vm = f"~{f.value_max:g}" if f.value_max is not None else ""
        print(f"{'' if seq is None else seq:>4} {f.value:g}{vm} {f.unit} {f.comparator} {f.direction or '-'} "
              f"{f.kind}{' est' if f.estimate else ''} | {f.metric} | …{ctx}…")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, extras and attribute errors")
    ap.add_argument("--show", metavar="DOC", help="print the figures of corpus file DOC (e.g. 002) instead of scoring")
    ap.add_argument("--kind", default="none", choices=("none", "target", "actual"), help="default_kind for --show")
    ap.add_argument("--tasks", help="with --show: only tasks N-M of a notice, one call per task")
    a = ap.parse_args()
    if a.show:
        show(a.show, None if a.kind == "none" else a.kind, a.tasks)
    else:
        evaluate(verbose=a.verbose)


if __name__ == "__main__":
    main()
