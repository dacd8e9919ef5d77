"""Checks the provincial figure gold (tests/gold/provinces/*.jsonl) on its own, without zzgov.

    python tests/gold/provinces/check_gold.py [CORPUS_DIR]

The gold was written by two annotators under two conventions (README.md, part a: the reports
with a paragraph in scope.tsv; README.b.md, part b: the others); one checker reads both, each
file by its own convention (`PART_A`, `PART_B`).  Every file: keys and their order, types,
allowed values, indicator ids, and, when the reports are there, the offsets (the figure span
holds the value, value_max and unit; the metric span holds the metric).  CORPUS_DIR defaults to
../shared/corpus-provinces beside the repository (the reports are not in the repository);
without it the offsets are not checked, and a message says so.  src/zzgov/data/indicators.yaml
is checked too: its fields, and that each example stands verbatim in a report (CORPUS_DIR, or
the seed corpus `corpus` beside it).  Prints one line per problem and exits 1 when there is any;
`check()` returns the problems as a list.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus-provinces"
INDICATORS = REPO / "src" / "zzgov" / "data" / "indicators.yaml"
SCOPE = HERE / "scope.tsv"  # part a's annotated paragraph of each part: every figure in it is gold

KEYS = ["doc", "part", "start", "end", "metric", "metric_start", "metric_end", "value",
        "value_max", "unit", "comparator", "direction", "kind", "indicator"]
OPTIONAL = ["note"]
PARTS = {"targets": "target", "review": "actual"}  # part -> the kind its figures have
COMPARATORS = {"=", ">=", "<=", "~", "range"}
DIRECTIONS = {"up", "down", None}
DOC_NAME = re.compile(r"report_(?P<place>[^_/]+)_(?P<year>\d{4})\.txt")
# Arabic numbers as reports write them, full-width digits included (normalised first).
NUMBER = re.compile(r"\d+(?:\.\d+)?")
WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
CN_PLACES = {"十": 10, "百": 100, "千": 1000}


@dataclass(frozen=True)
class Convention:
    """How one annotator wrote the gold: where a figure's metric may stand, how a value and a
    distributed metric are checked, and what order and paragraphs a file keeps."""

    name: str
    in_scope: bool  # each figure lies in its part's paragraph of scope.tsv, with as many figures
    max_metric_distance: int | None  # characters between a metric and its figure at most
    same_paragraph: bool  # metric and figure in one paragraph, not overlapping; one paragraph a part
    any_number_form: bool  # the value may be written in Chinese numerals or full-width digits
    distributed_ends_alike: bool  # a distributed metric ends like its phrase (else: shares half of it)
    equal_starts: bool  # one number may state two coordinated metrics (均): equal starts pass


PART_A = Convention("a (README.md)", in_scope=True, max_metric_distance=120, same_paragraph=False,
                    any_number_form=False, distributed_ends_alike=False, equal_starts=True)
PART_B = Convention("b (README.b.md)", in_scope=False, max_metric_distance=None, same_paragraph=True,
                    any_number_form=True, distributed_ends_alike=True, equal_starts=False)


def convention_of(place: str, scope: dict) -> Convention:
    """Part a annotated the reports scope.tsv lists; part b the others."""
    return PART_A if any(p == place for p, _part in scope) else PART_B


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


def _cn_numbers(s: str) -> list[float]:
    """Values of the Chinese-numeral runs in s (二十 -> 20, 三 -> 3); enough for gold spans."""
    out = []
    for run in re.findall(r"[零〇一二两三四五六七八九十百千]+", s):
        total, digit = 0, None
        for ch in run:
            if ch in CN_DIGITS:
                digit = CN_DIGITS[ch]
            else:
                total += (1 if digit is None else digit) * CN_PLACES[ch]
                digit = None
        out.append(float(total + (digit or 0)))
    return out


def written(span: str, v, conv: Convention) -> bool:
    """Whether the value v is written in the span, as the convention reads numbers."""
    if conv.any_number_form:
        return float(v) in [float(x) for x in NUMBER.findall(span.translate(WIDTH))] + _cn_numbers(span)
    return has_number(span, v)


def paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


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
    """Keys, types and allowed values of one figure (the same in both conventions)."""
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


def check_offsets(r: dict, text: str, where: str, conv: Convention) -> list[str]:
    """The figure span holds the value and unit, the metric span the metric, where the convention
    wants them."""
    if r["end"] > len(text) or r["metric_end"] > len(text):
        return [f"{where}: offsets beyond the end of {r['doc']} ({len(text)} chars)"]
    errs = []
    span = text[r["start"]:r["end"]]
    for k in ("value", "value_max"):
        if r[k] is not None and not written(span, r[k], conv):
            errs.append(f"{where}: figure span {span!r} does not contain {k} {r[k]}")
    note = r.get("note", "")
    if r["unit"].translate(WIDTH) not in span.translate(WIDTH) and not (conv.in_scope and "unit" in note):
        errs.append(f"{where}: unit {r['unit']!r} not in the figure span {span!r} (and no note says why)")
    phrase = text[r["metric_start"]:r["metric_end"]]
    if "distributed" in note:
        # A distributed metric is built from a coordinated phrase (城镇、农村居民人均可支配收入).
        if conv.distributed_ends_alike:
            built = phrase != r["metric"] and phrase[-2:] == r["metric"][-2:]
        else:
            built = sum(1 for c in r["metric"] if c in phrase) * 2 >= len(r["metric"])
        if not built:
            errs.append(f"{where}: distributed metric {r['metric']!r} not built from {phrase!r}")
    elif phrase != r["metric"]:
        errs.append(f"{where}: text at metric offsets is {phrase!r}, metric is {r['metric']!r}"
                    " (a metric that is not a substring needs note 'distributed')")
    distance = max(r["metric_start"] - r["end"], r["start"] - r["metric_end"], 0)
    if conv.max_metric_distance is not None and distance > conv.max_metric_distance:
        errs.append(f"{where}: metric span lies {distance} chars from its figure")
    if conv.same_paragraph:
        if paragraph(text, r["start"]) != paragraph(text, r["metric_start"]):
            errs.append(f"{where}: metric and figure are in different paragraphs")
        if r["metric_start"] < r["end"] and r["start"] < r["metric_end"]:
            errs.append(f"{where}: metric span overlaps the figure span")
    return errs


def read_rows(path: Path, place: str, ids: set[str], errors: list[str]) -> tuple[list[tuple[str, dict]], dict]:
    """The sound rows of a gold file (problems go to errors) and the figures per part, every
    object counted, also those with problems."""
    rows, per_part = [], {part: 0 for part in PARTS}
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
        if not row_errors:
            rows.append((where, r))
    return rows, per_part


def check_file(path: Path, ids: set[str], scope: dict, corpus: Path | None) -> list[str]:
    place = path.stem
    conv = convention_of(place, scope)
    errors: list[str] = []
    rows, per_part = read_rows(path, place, ids, errors)
    text = None
    docs = {r["doc"] for _, r in rows}
    if len(docs) > 1:
        errors.append(f"{path.name}: figures of several documents {sorted(docs)}")
    elif corpus is not None and docs:
        doc = corpus / docs.pop()
        if not doc.is_file():
            return errors + [f"{path.name}: {doc.name} not in {corpus}"]
        text = doc.read_text(encoding="utf-8")
        if text.startswith("\ufeff"):
            errors.append(f"{path.name}: {doc.name} starts with a BOM; offsets count it, say so in the README")
    for where, r in rows:
        if conv.in_scope:
            para = scope.get((place, r["part"]))
            if para is None:
                errors.append(f"{where}: no {r['part']} paragraph of {place} in {SCOPE.name}")
            elif not para[0] <= r["start"] < r["end"] <= para[1]:
                errors.append(f"{where}: figure {r['start']}..{r['end']} outside the annotated"
                              f" {r['part']} paragraph {para[0]}..{para[1]} ({SCOPE.name})")
        if text is not None:
            errors += check_offsets(r, text, where, conv)
    for part, found in per_part.items():
        if not found:
            errors.append(f"{path.name}: no figure of part {part!r}")
        elif conv.in_scope and (place, part) in scope and found != scope[place, part][2]:
            errors.append(f"{path.name}: {found} {part} figures, {SCOPE.name} says {scope[place, part][2]}")
    for (w1, a), (w2, b) in zip(rows, rows[1:]):
        if (b["start"], b["end"]) < (a["start"], a["end"]) or (not conv.equal_starts and b["start"] == a["start"]):
            errors.append(f"{w2}: not in text order (starts before or with {w1})")
        elif (a["start"], a["end"], a["metric"]) == (b["start"], b["end"], b["metric"]):
            errors.append(f"{w2}: repeats {w1}")
    if text is not None and conv.same_paragraph:
        for part in PARTS:
            paras = {paragraph(text, r["start"]) for _, r in rows if r["part"] == part}
            if len(paras) > 1:
                errors.append(f"{path.name}: {part} figures lie in {len(paras)} paragraphs, not one")
    return errors


def check(corpus: Path | None = DEFAULT_CORPUS, files: list[Path] | None = None) -> list[str]:
    """Every problem of the gold files (all of this folder's by default) and of indicators.yaml;
    offsets are checked when `corpus` is a folder."""
    corpus = corpus if corpus is not None and corpus.is_dir() else None
    entries = load_indicators(INDICATORS)
    ids = {e.get("id") for e in entries}
    scope = load_scope(SCOPE)
    files = sorted(HERE.glob("*.jsonl")) if files is None else files
    if not files:
        return [f"no gold files in {HERE}"]
    corpus_text = None
    if corpus is not None:
        corpus_text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
        seed = corpus.parent / "corpus"
        if seed.is_dir():
            corpus_text += "\n" + "\n".join(p.read_text(encoding="utf-8") for p in sorted(seed.glob("*.txt")))
    errors = check_indicators(entries, corpus_text)
    for path in files:
        errors += check_file(path, ids, scope, corpus)
    for place, part in scope:
        if not (HERE / f"{place}.jsonl").is_file():
            errors.append(f"{SCOPE.name}: {place} {part} has no gold file {place}.jsonl")
    return errors


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    if not corpus.is_dir():
        print(f"corpus folder {corpus} missing: offsets not checked, only keys, types and values")
    files = sorted(HERE.glob("*.jsonl"))
    errors = check(corpus, files)
    for e in errors:
        print(e)
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    targets, actuals = (text.count(f'"kind": "{k}"') for k in ("target", "actual"))
    print(f"{len(files)} gold files, {targets} target and {actuals} actual figures, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
