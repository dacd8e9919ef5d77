#!/usr/bin/env python3
"""Score zzgov's figures against the hand gold on the provincial reports (development aid).

Usage: .venv/bin/python scripts/provscore.py [GOLD_DIR...] [-v]
Gold rows: {doc, part, start, end, metric, metric_start, metric_end, value, unit, comparator,
kind, indicator}.  A figure matches a gold row when its span overlaps the row's and the values
are equal.  Prints recall, kind accuracy, metric character-level F1 / containment, indicator
accuracy."""
import json, sys, glob
from collections import Counter
from pathlib import Path

from zzgov.api import parse_path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus-provinces"


def char_f1(a, b):
    if not a or not b:
        return 0.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    dirs = args or ["tests/gold/provinces"]
    files = sorted(f for d in dirs for f in glob.glob(f"{d}/*.jsonl"))
    n = found = kind_ok = cont = ind_ok = 0
    f1 = 0.0
    for gf in files:
        rows = [json.loads(l) for l in open(gf, encoding="utf-8") if l.strip()]
        if not rows:
            continue
        text = (CORPUS / rows[0]["doc"]).read_text(encoding="utf-8")
        doc = parse_path(CORPUS / rows[0]["doc"])
        figs = doc.figures
        for g in rows:
            n += 1
            f = next((f for f in figs if f.span.start < g["end"] and f.span.end > g["start"]
                      and abs(f.value - g["value"]) < 1e-9), None)
            if f is None:
                if verbose:
                    print(f"MISS {Path(gf).stem} {text[g['start']-20:g['end']]!r}")
                continue
            found += 1
            kind_ok += f.kind == g["kind"]
            pm, gm = f.metric or "", g["metric"] or ""
            f1 += char_f1(pm, gm)
            cont += bool(pm) and (pm in gm or gm in pm)
            ind = getattr(f, "indicator", None)
            ind_ok += ind == g.get("indicator")
            if verbose and (pm != gm or f.kind != g["kind"] or ind != g.get("indicator")):
                ctx = text[max(0, g['start'] - 25):g['end'] + 5].replace("\n", "⏎")
                print(f"{Path(gf).stem[:3]} {ctx!r}\n    metric {gm} → {pm}"
                      + (f" | kind {g['kind']}→{f.kind}" if f.kind != g['kind'] else "")
                      + (f" | ind {g.get('indicator')}→{ind}" if ind != g.get('indicator') else ""))
    print(f"provinces: {found}/{n} found; of found: kind {kind_ok/found:.3f}, metric F1 {f1/found:.3f}, "
          f"containment {cont/found:.3f}, indicator {ind_ok/found:.3f}")


if __name__ == "__main__":
    main()
