"""Check the hand-annotated provincial gold (tests/gold/provinces/*.jsonl) against the texts.

Plain Python on purpose (no zzgov import): the gold must not depend on the code it grades.

    python tests/gold/provinces/check_gold_b.py [GOLD_FILE ...]

Without arguments every *.jsonl in this folder is checked.  Exit status 0 when clean, 1 with
one line per problem otherwise.  The report texts are read from ../shared/corpus-provinces/
(beside the repository); when that folder is missing the offset checks are skipped with a
message and only keys, types and values are checked.  `check()` returns the problems as a list
so a test can assert it is empty.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
CORPUS = REPO.parent / "shared" / "corpus-provinces"
# The indicators file lives in the repository once merged; while the two annotators work in
# separate worktrees the other one's copy is the reference.
INDICATOR_FILES = (
    REPO / "src" / "zzgov" / "data" / "indicators.yaml",
    Path("/work/wt-r2a/src/zzgov/data/indicators.yaml"),
)

KEYS = ["doc", "part", "start", "end", "metric", "metric_start", "metric_end", "value",
        "value_max", "unit", "comparator", "direction", "kind", "indicator"]
OPTIONAL = ["note"]
PARTS = {"targets": "target", "review": "actual"}
COMPARATORS = {"=", ">=", "<=", "~", "range"}
DIRECTIONS = {"up", "down", None}
DOC_RE = re.compile(r"^report_(.+)_(\d{4})\.txt$")
# Arabic numbers as reports write them, full-width digits included (normalised below).
NUM_RE = re.compile(r"\d+(?:\.\d+)?")
WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def _cn_numbers(s: str) -> list[float]:
    """Values of the Chinese-numeral runs in s (二十 -> 20, 三 -> 3); enough for gold spans."""
    out = []
    for run in re.findall(r"[零〇一二两三四五六七八九十百千]+", s):
        total, digit = 0, None
        for ch in run:
            if ch in CN_DIGITS:
                digit = CN_DIGITS[ch]
            else:
                total += (1 if digit is None else digit) * CN_UNITS[ch]
                digit = None
        out.append(float(total + (digit or 0)))
    return out


def _numbers(s: str) -> list[float]:
    return [float(x) for x in NUM_RE.findall(s.translate(WIDTH))] + _cn_numbers(s)


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def load_indicator_ids() -> tuple[set[str], Path]:
    for path in INDICATOR_FILES:
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            entries = data["indicators"] if isinstance(data, dict) else data
            return {e["id"] for e in entries}, path
    raise FileNotFoundError("no indicators file at " + " or ".join(map(str, INDICATOR_FILES)))


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def check_record(r: dict, where: str, text: str | None, ids: set[str]) -> list[str]:
    errs: list[str] = []
    keys = list(r)
    if keys[: len(KEYS)] != KEYS or any(k not in OPTIONAL for k in keys[len(KEYS):]):
        return [f"{where}: keys {keys} are not {KEYS} (+ optional {OPTIONAL})"]
    if r["part"] not in PARTS:
        errs.append(f"{where}: part {r['part']!r} not in {sorted(PARTS)}")
    elif r["kind"] != PARTS[r["part"]]:
        errs.append(f"{where}: kind {r['kind']!r} does not fit part {r['part']!r}")
    for k in ("start", "end", "metric_start", "metric_end"):
        if not isinstance(r[k], int) or isinstance(r[k], bool) or r[k] < 0:
            errs.append(f"{where}: {k} {r[k]!r} is not a non-negative int")
    if errs:
        return errs
    if not r["start"] < r["end"] or not r["metric_start"] < r["metric_end"]:
        errs.append(f"{where}: empty or reversed span")
    if not isinstance(r["metric"], str) or not r["metric"].strip():
        errs.append(f"{where}: metric must be a non-empty string")
    if not _is_number(r["value"]):
        errs.append(f"{where}: value {r['value']!r} is not a number")
    if r["value_max"] is not None and not _is_number(r["value_max"]):
        errs.append(f"{where}: value_max {r['value_max']!r} is not a number or null")
    if r["comparator"] not in COMPARATORS:
        errs.append(f"{where}: comparator {r['comparator']!r} not in {sorted(COMPARATORS)}")
    elif (r["comparator"] == "range") != (r["value_max"] is not None):
        errs.append(f"{where}: comparator 'range' goes with value_max, and only with it")
    elif r["value_max"] is not None and _is_number(r["value"]) and not r["value"] < r["value_max"]:
        errs.append(f"{where}: value_max {r['value_max']} not above value {r['value']}")
    if r["direction"] not in DIRECTIONS:
        errs.append(f"{where}: direction {r['direction']!r} not up/down/null")
    if not isinstance(r["unit"], str) or not r["unit"]:
        errs.append(f"{where}: unit must be a non-empty string")
    if r["indicator"] is not None and r["indicator"] not in ids:
        errs.append(f"{where}: indicator {r['indicator']!r} is not in the indicators file")
    note = r.get("note")
    if note is not None and (not isinstance(note, str) or not note):
        errs.append(f"{where}: note must be a non-empty string when present")
    if errs or text is None:
        return errs

    span = text[r["start"]:r["end"]]
    if r["end"] > len(text) or r["metric_end"] > len(text):
        return [f"{where}: offsets beyond the end of the text ({len(text)} chars)"]
    nums = _numbers(span)
    for k in ("value", "value_max"):
        if r[k] is not None and float(r[k]) not in nums:
            errs.append(f"{where}: {k} {r[k]} not written in the span {span!r}")
    if r["unit"].translate(WIDTH) not in span.translate(WIDTH):
        errs.append(f"{where}: unit {r['unit']!r} not in the span {span!r}")
    phrase = text[r["metric_start"]:r["metric_end"]]
    distributed = note is not None and "distributed" in note
    if distributed:
        # A distributed metric is built from a coordinated phrase (城镇、农村居民人均可支配收入):
        # it ends like the phrase, and is not the phrase itself.
        if phrase == r["metric"] or phrase[-2:] != r["metric"][-2:]:
            errs.append(f"{where}: distributed metric {r['metric']!r} not built from {phrase!r}")
    elif phrase != r["metric"]:
        errs.append(f"{where}: metric {r['metric']!r} != text[metric_start:metric_end] {phrase!r}")
    if _paragraph(text, r["start"]) != _paragraph(text, r["metric_start"]):
        errs.append(f"{where}: metric and figure are in different paragraphs")
    if r["metric_start"] < r["end"] and r["start"] < r["metric_end"]:
        errs.append(f"{where}: metric span overlaps the figure span")
    return errs


def check_file(path: Path, ids: set[str]) -> list[str]:
    errs: list[str] = []
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            errs.append(f"{path.name}:{n}: blank line")
            continue
        try:
            records.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            errs.append(f"{path.name}:{n}: not JSON ({e.msg})")
    if not records:
        return errs + [f"{path.name}: no figures"]
    docs = {r.get("doc") for _, r in records}
    if len(docs) != 1:
        return errs + [f"{path.name}: figures of several documents {sorted(map(str, docs))}"]
    doc = docs.pop()
    m = DOC_RE.match(str(doc))
    if not m or m.group(1) != path.stem:
        errs.append(f"{path.name}: doc {doc!r} does not name this place's report")
    text = None
    if CORPUS.is_dir():
        p = CORPUS / str(doc)
        if not p.is_file():
            return errs + [f"{path.name}: {doc} not in {CORPUS}"]
        text = p.read_text(encoding="utf-8")
    for n, r in records:
        if not isinstance(r, dict):
            errs.append(f"{path.name}:{n}: not a JSON object")
            continue
        errs += check_record(r, f"{path.name}:{n}", text, ids)
    if errs:
        return errs
    starts = [r["start"] for _, r in records]
    if starts != sorted(starts) or len(set(starts)) != len(starts):
        errs.append(f"{path.name}: figures not in text order or a span listed twice")
    parts = {r["part"] for _, r in records}
    if parts != set(PARTS):
        errs.append(f"{path.name}: parts {sorted(parts)}, expected both {sorted(PARTS)}")
    if text is not None:
        for part in parts:
            paras = {_paragraph(text, r["start"]) for _, r in records if r["part"] == part}
            if len(paras) != 1:
                errs.append(f"{path.name}: {part} figures lie in {len(paras)} paragraphs, not one")
    return errs


def check(paths: list[Path] | None = None) -> list[str]:
    ids, _ = load_indicator_ids()
    paths = paths or sorted(HERE.glob("*.jsonl"))
    if not paths:
        return [f"no gold files in {HERE}"]
    errs: list[str] = []
    for path in paths:
        errs += check_file(path, ids)
    return errs


def main(argv: list[str]) -> int:
    try:
        ids, ind_path = load_indicator_ids()
    except (OSError, yaml.YAMLError, KeyError, TypeError) as e:
        print(f"check_gold_b: cannot read the indicators file: {e}", file=sys.stderr)
        return 1
    if not CORPUS.is_dir():
        print(f"check_gold_b: {CORPUS} missing, offset checks skipped")
    paths = [Path(a) for a in argv] or sorted(HERE.glob("*.jsonl"))
    errs = check(paths)
    for e in errs:
        print(e)
    n = sum(1 for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    print(f"check_gold_b: {len(paths)} files, {n} figures, {len(ids)} indicators ({ind_path}): "
          + ("OK" if not errs else f"{len(errs)} problems"))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
