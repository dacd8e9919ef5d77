"""Checks the provincial figure gold (tests/gold/provinces/*.jsonl) on its own, without zzgov.

    python tests/gold/provinces/check_gold.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpus-provinces beside the repository (the reports are not in
the repository; the gold points into them by character offsets).  Without the corpus only the
keys, types, allowed values, paragraphs (scope.tsv) and indicator ids are checked, and a message
says so.  src/zzgov/data/indicators.yaml is checked too: its fields, and that each example stands
verbatim in a report (CORPUS_DIR, or the seed corpus `corpus` beside it).
Prints one line per problem and exits 1 when there is any.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus-provinces"
INDICATORS = REPO / "src" / "zzgov" / "data" / "indicators.yaml"
SCOPE = HERE / "scope.tsv"  # the annotated paragraph of each part: every figure in it is gold

KEYS = ["doc", "part", "start", "end", "metric", "metric_start", "metric_end", "value",
        "value_max", "unit", "comparator", "direction", "kind", "indicator"]
OPTIONAL = ["note"]
PARTS = {"targets": "target", "review": "actual"}  # part -> the kind its figures have
COMPARATORS = {"=", ">=", "<=", "~", "range"}
DIRECTIONS = {"up", "down", None}
DOC_NAME = re.compile(r"report_(?P<place>[^_/]+)_(?P<year>\d{4})\.txt")
# A metric's own span lies near its figure: further away means a search went wrong.
MAX_METRIC_DISTANCE = 120


def is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def number_forms(v) -> set[str]:
    """The ways a value can be written: 5 -> 5; 5.0 -> 5; 1.22 -> 1.22."""
    forms = {f"{v:g}", str(v)}
    if isinstance(v, float) and v.is_integer():
        forms.add(str(int(v)))
    return forms


def has_number(span: str, v) -> bool:
    """The value stands in the span as a whole number: 5 is in 增长5%左右, not in 15% or 5.5%."""
    return any(re.search(r"(?<![\d.])" + re.escape(f) + r"(?!\d|\.\d)", span) for f in number_forms(v))


def load_scope(path: Path) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(place, part) -> (start, end, number of figures) of the annotated paragraph."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line]
    return {(place, part): (int(start), int(end), int(n)) for place, part, _line, start, end, n in rows}


ENTRY_KEYS = ["id", "name", "aliases", "measure", "unit_class", "direction", "examples"]
MEASURES = {"growth", "level", "share", "rate", "index"}
UNIT_CLASSES = {"percent", "percent_point", "currency", "persons", "person_times", "mass", "area",
                "length", "energy", "power", "concentration", "days", "count", "ratio", "years"}


def load_indicators(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)["indicators"]


def check_indicators(entries: list[dict], corpus_text: str | None) -> list[str]:
    """The gold's vocabulary is sound: fields, unique snake_case ids, allowed values, and examples
    that name the entry and, when the corpus is there, stand verbatim in a report."""
    errs, seen = [], set()
    for e in entries:
        where = f"{INDICATORS.name}: {e.get('id')!r}"
        if list(e) != ENTRY_KEYS:
            errs.append(f"{where}: keys {list(e)} are not {ENTRY_KEYS}")
            continue
        if not re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", str(e["id"])) or e["id"] in seen:
            errs.append(f"{where}: id not snake_case ASCII or not unique")
        seen.add(e["id"])
        if e["measure"] not in MEASURES or e["unit_class"] not in UNIT_CLASSES \
                or e["direction"] not in DIRECTIONS:
            errs.append(f"{where}: measure, unit_class or direction outside the allowed values")
        if not isinstance(e["aliases"], list) or not 1 <= len(e["examples"]) <= 3:
            errs.append(f"{where}: aliases must be a list, examples one to three")
            continue
        words = [e["name"], *e["aliases"]]
        for ex in e["examples"]:
            # A coordinated list spreads a name (城镇和农村居民人均可支配收入): its last 4 characters stand.
            if not any(w in ex or (len(w) > 6 and w[-4:] in ex) for w in words):
                errs.append(f"{where}: example {ex!r} holds neither the name nor an alias")
            if corpus_text is not None and ex not in corpus_text:
                errs.append(f"{where}: example {ex!r} stands in no report of the corpus")
    return errs


def check_row(r: dict, where: str, place: str, ids: set[str]) -> list[str]:
    errs = []
    keys = list(r)
    if keys[:len(KEYS)] != KEYS or any(k not in OPTIONAL for k in keys[len(KEYS):]):
        return [f"{where}: keys {keys} are not {KEYS} (+ optional {OPTIONAL}) in this order"]
    m = DOC_NAME.fullmatch(r["doc"]) if isinstance(r["doc"], str) else None
    if not m:
        errs.append(f"{where}: doc {r['doc']!r} is not report_<place>_<year>.txt")
    elif m["place"] != place:
        errs.append(f"{where}: doc {r['doc']!r} is not a report of {place} (the file's name)")
    if r["part"] not in PARTS:
        errs.append(f"{where}: part {r['part']!r} not in {sorted(PARTS)}")
    elif r["kind"] != PARTS[r["part"]]:
        errs.append(f"{where}: kind {r['kind']!r} in part {r['part']!r} (want {PARTS[r['part']]!r})")
    for k in ("start", "end", "metric_start", "metric_end"):
        if not isinstance(r[k], int) or isinstance(r[k], bool) or r[k] < 0:
            errs.append(f"{where}: {k} {r[k]!r} is not a non-negative int")
    if not errs:
        if r["start"] >= r["end"]:
            errs.append(f"{where}: empty figure span {r['start']}..{r['end']}")
        if r["metric_start"] >= r["metric_end"]:
            errs.append(f"{where}: empty metric span {r['metric_start']}..{r['metric_end']}")
    if not isinstance(r["metric"], str) or not r["metric"].strip():
        errs.append(f"{where}: metric {r['metric']!r} is empty")
    if not is_number(r["value"]):
        errs.append(f"{where}: value {r['value']!r} is not a number")
    if r["value_max"] is not None and not is_number(r["value_max"]):
        errs.append(f"{where}: value_max {r['value_max']!r} is not a number or null")
    if (r["comparator"] == "range") != (r["value_max"] is not None):
        errs.append(f"{where}: comparator {r['comparator']!r} with value_max {r['value_max']!r}"
                    " (range exactly when value_max is set)")
    elif r["value_max"] is not None and is_number(r["value"]) and is_number(r["value_max"]) \
            and not r["value"] < r["value_max"]:
        errs.append(f"{where}: value {r['value']} not below value_max {r['value_max']}")
    if not isinstance(r["unit"], str) or not r["unit"]:
        errs.append(f"{where}: unit {r['unit']!r} is empty")
    if r["comparator"] not in COMPARATORS:
        errs.append(f"{where}: comparator {r['comparator']!r} not in {sorted(COMPARATORS)}")
    if r["direction"] not in DIRECTIONS:
        errs.append(f"{where}: direction {r['direction']!r} not up, down or null")
    if r["indicator"] is not None and r["indicator"] not in ids:
        errs.append(f"{where}: indicator {r['indicator']!r} is not an id of {INDICATORS.name}")
    if "note" in r and (not isinstance(r["note"], str) or not r["note"]):
        errs.append(f"{where}: note {r['note']!r} is not a non-empty string")
    return errs


def check_offsets(r: dict, text: str, where: str) -> list[str]:
    errs = []
    if r["end"] > len(text) or r["metric_end"] > len(text):
        return [f"{where}: offsets beyond the end of {r['doc']} ({len(text)} chars)"]
    span = text[r["start"]:r["end"]]
    if not has_number(span, r["value"]):
        errs.append(f"{where}: figure span {span!r} does not contain the value {r['value']}")
    if r["value_max"] is not None and not has_number(span, r["value_max"]):
        errs.append(f"{where}: figure span {span!r} does not contain value_max {r['value_max']}")
    if r["unit"] not in span and "unit" not in r.get("note", ""):
        errs.append(f"{where}: unit {r['unit']!r} not in the figure span {span!r} (and no note says why)")
    phrase = text[r["metric_start"]:r["metric_end"]]
    if "distributed" in r.get("note", ""):
        shared = sum(1 for c in r["metric"] if c in phrase)
        if shared * 2 < len(r["metric"]):
            errs.append(f"{where}: distributed metric {r['metric']!r} shares too little with {phrase!r}")
    elif phrase != r["metric"]:
        errs.append(f"{where}: text at metric offsets is {phrase!r}, metric is {r['metric']!r}"
                    " (a metric that is not a substring needs note 'distributed')")
    distance = max(r["metric_start"] - r["end"], r["start"] - r["metric_end"], 0)
    if distance > MAX_METRIC_DISTANCE:
        errs.append(f"{where}: metric span lies {distance} chars from its figure")
    return errs


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    entries = load_indicators(INDICATORS)
    ids = {e.get("id") for e in entries}
    scope = load_scope(SCOPE)
    files = sorted(HERE.glob("*.jsonl"))
    if not files:
        print(f"no gold files in {HERE}")
        return 1
    have_corpus = corpus.is_dir()
    if not have_corpus:
        print(f"corpus folder {corpus} missing: offsets not checked, only keys, types and values")
    corpus_text = None
    if have_corpus:
        corpus_text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
        seed = corpus.parent / "corpus"
        if seed.is_dir():
            corpus_text += "\n" + "\n".join(p.read_text(encoding="utf-8") for p in sorted(seed.glob("*.txt")))
    errors: list[str] = check_indicators(entries, corpus_text)
    counts = {"target": 0, "actual": 0}
    texts: dict[str, str] = {}
    for path in files:
        place = path.stem
        rows = []
        per_part = {part: 0 for part in PARTS}  # every object, also those with errors
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{n}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: not JSON ({e})")
                continue
            if not isinstance(r, dict):
                errors.append(f"{where}: not a JSON object")
                continue
            if r.get("part") in per_part:
                per_part[r["part"]] += 1
            row_errors = check_row(r, where, place, ids)
            errors += row_errors
            if row_errors:
                continue
            counts[r["kind"]] += 1
            rows.append((where, r))
            para = scope.get((place, r["part"]))
            if para is None:
                errors.append(f"{where}: no {r['part']} paragraph of {place} in {SCOPE.name}")
            elif not para[0] <= r["start"] < r["end"] <= para[1]:
                errors.append(f"{where}: figure {r['start']}..{r['end']} outside the annotated"
                              f" {r['part']} paragraph {para[0]}..{para[1]} ({SCOPE.name})")
            if have_corpus:
                doc = corpus / r["doc"]
                if r["doc"] not in texts:
                    if not doc.is_file():
                        errors.append(f"{where}: {r['doc']} not in {corpus}")
                        texts[r["doc"]] = ""
                        continue
                    texts[r["doc"]] = doc.read_text(encoding="utf-8")
                    if texts[r["doc"]].startswith("\ufeff"):
                        errors.append(f"{where}: {r['doc']} starts with a BOM; offsets count it,"
                                      " say so in README.md")
                if texts[r["doc"]]:
                    errors += check_offsets(r, texts[r["doc"]], where)
        for part, found in per_part.items():
            if not found:
                errors.append(f"{path.name}: no figure of part {part!r}")
            elif (place, part) in scope and found != scope[place, part][2]:
                errors.append(f"{path.name}: {found} {part} figures, {SCOPE.name} says"
                              f" {scope[place, part][2]}")
    for place, part in scope:
        if not (HERE / f"{place}.jsonl").is_file():
            errors.append(f"{SCOPE.name}: {place} {part} has no gold file {place}.jsonl")
        # In text order; one number may state two coordinated metrics (均), so equal starts pass.
        for (w1, a), (w2, b) in zip(rows, rows[1:]):
            if (b["start"], b["end"]) < (a["start"], a["end"]):
                errors.append(f"{w2}: not in text order (starts before {w1})")
            elif (a["start"], a["end"], a["metric"]) == (b["start"], b["end"], b["metric"]):
                errors.append(f"{w2}: repeats {w1}")
    for e in errors:
        print(e)
    print(f"{len(files)} gold files, {counts['target']} target and {counts['actual']} actual figures,"
          f" {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
