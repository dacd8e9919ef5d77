"""Check files of Document records (JSON, JSONL or YAML) against the models.

Problems come back as `Problem(file, path, message)` where `path` locates the record and the
field (`#2 tasks.5.lead_units`), and syntax errors carry their line and column.  YAML is read
with the safe loader: `!!python/...` tags are rejected, never executed.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Iterator

from pydantic import ValidationError

from zzgov.models import Document


@dataclass(frozen=True)
class Problem:
    file: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {self.message}"


# Deeper nesting than any Document has (about 6 levels) is refused before it is built: the C
# YAML composer recurses on the C stack (a crash, not an error) and json recurses in Python.
MAX_DEPTH = 100
# Python refuses to convert longer integer literals (sys.get_int_max_str_digits).
MAX_INT_DIGITS = 4000


class _Refused(ValueError):
    """A literal strict JSON has no room for (NaN, Infinity, 1e999, a 5,000-digit integer)."""


def _parse_int(s: str) -> int:
    if len(s.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused(f"integer with {len(s.lstrip('-'))} digits", s[:20])
    return int(s)


def _parse_float(s: str) -> float:
    v = float(s)
    if v in (float("inf"), float("-inf")):
        raise _Refused(f"number {s[:20]}{'…' if len(s) > 20 else ''} is out of range", s[:20])
    return v


def _parse_constant(s: str) -> float:
    raise _Refused(f"{s} is not JSON", s)


def _line_col(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line} column {col}"


def _json_depth_at(text: str) -> int | None:
    """Offset where JSON nesting first goes deeper than MAX_DEPTH (strings skipped)."""
    depth = 0
    in_str = False
    esc = False
    for i, c in enumerate(text):
        if in_str:
            if esc:
                esc = False
            elif c == "\\":
                esc = True
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return i
        elif c in "]}":
            depth -= 1
    return None


def _json_loads(name: str, text: str, offset_label: str | None = None) -> Any | Problem:
    """Strict JSON (no NaN / Infinity), or a Problem located by line and column.

    offset_label: the location to use instead of computing one (a JSONL line)."""
    try:
        return json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        where = f"{offset_label} column {exc.colno}" if offset_label else f"line {exc.lineno} column {exc.colno}"
        return Problem(name, where, f"invalid JSON: {exc.msg}")
    except RecursionError:
        pos = _json_depth_at(text)
        where = _line_col(text, pos) if pos is not None and not offset_label else (offset_label or "file")
        return Problem(name, where, f"invalid JSON: nested more than {MAX_DEPTH} levels deep")
    except _Refused as exc:
        literal = exc.args[1]
        pos = text.find(literal)
        if offset_label:
            where = f"{offset_label} column {pos + 1}" if pos >= 0 else offset_label
        else:
            where = _line_col(text, pos) if pos >= 0 else "file"
        return Problem(name, where, f"invalid JSON: {exc.args[0]}")


def _records(name: str, text: str) -> Iterator[tuple[str, Any] | Problem]:
    """Yield (record label, data) pairs, or a Problem for unreadable text."""
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        yield Problem(name, "file", "empty: no records")
        return
    if stripped[0] in "{[":
        body = text.lstrip("\ufeff")  # keep leading blank lines: line numbers are the file's
        data = _json_loads(name, body)
        if isinstance(data, Problem):
            if stripped[0] == "{" and "\n" in stripped and _looks_jsonl(stripped):
                yield from _jsonl(name, text)
                return
            yield data
            return
        if isinstance(data, list):
            for k, item in enumerate(data):
                yield (f"#{k + 1}", item)
        else:
            yield ("#1", data)
        return
    yield from _yaml(name, text)


def _looks_jsonl(s: str) -> bool:
    first = s.split("\n", 1)[0].strip()
    return not isinstance(_json_loads("", first), Problem)


def _jsonl(name: str, text: str) -> Iterator[tuple[str, Any] | Problem]:
    for lineno, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if not line.strip():
            continue
        data = _json_loads(name, line, offset_label=f"line {lineno}")
        yield data if isinstance(data, Problem) else (f"line {lineno}", data)


def _yaml_precheck(yaml, loader, text: str) -> tuple[str, str] | None:
    """(location, message) for YAML nested too deeply or holding an integer too long to
    convert, found from the parser's events before anything is built."""
    depth = 0
    for ev in yaml.parse(text, Loader=loader):
        if isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                m = ev.start_mark
                return f"line {m.line + 1} column {m.column + 1}", f"nested more than {MAX_DEPTH} levels deep"
        elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        elif isinstance(ev, yaml.ScalarEvent) and not ev.style and len(ev.value) > MAX_INT_DIGITS:
            digits = sum(c.isdigit() for c in ev.value)
            if digits > MAX_INT_DIGITS:
                m = ev.start_mark
                return f"line {m.line + 1} column {m.column + 1}", f"number with {digits} digits"
    return None


def _yaml(name: str, text: str) -> Iterator[tuple[str, Any] | Problem]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        found = _yaml_precheck(yaml, loader, text)
        if found:
            yield Problem(name, found[0], f"invalid YAML: {found[1]}")
            return
        docs = list(yaml.load_all(text, Loader=loader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1} column {mark.column + 1}" if mark else "file"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        yield Problem(name, where, f"invalid YAML: {problem}")
        return
    except (ValueError, RecursionError) as exc:  # a value the safe constructors refuse
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield Problem(name, "file", f"invalid YAML: {msg}")
        return
    for k, data in enumerate(d for d in docs if d is not None):
        yield (f"#{k + 1}", data)


NOT_A_RECORD = ("not a zzgov record: validate reads the JSON, JSONL or YAML records zzgov writes; "
                "this looks like a document's text (`zzgov parse FILE` reads that)")


# Characters a JSON or YAML text may open with (flow collections, sequences, tags, anchors,
# aliases, directives, comments, quoted and block scalars).
YAML_OPENERS = "{[-!&*%#\"'|>?"


def _looks_like_prose(text: str) -> bool:
    """Not empty, and opening with neither JSON or YAML syntax nor `name:`, as every record
    does, even a damaged one (which keeps the message that says where it is damaged): a
    document's text given by mistake."""
    from zzgov.inputs import sniff

    body = text.lstrip("\ufeff").lstrip()
    if not body or body[0] in YAML_OPENERS:
        return False
    return sniff(body[:1000].encode("utf-8"), any_key=True) == "text"


def validate_text(name: str, text: str) -> tuple[int, list[Problem]]:
    """(number of records read, problems found)."""
    problems: list[Problem] = []
    count = 0
    if _looks_like_prose(text):
        return 0, [Problem(name, "file", NOT_A_RECORD)]
    for item in _records(name, text):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        label, data = item
        count += 1
        problems.extend(validate_record(name, label, data))
    return count, problems


# pydantic words some errors of the dataclass records (figures, tasks, spans …) otherwise
# than those of the model records (Document, Meta); a JSON file's reader gets the model
# records' words for the same fault, wherever it lies.
_PLAIN_MESSAGES = {
    "unexpected_keyword_argument": "Extra inputs are not permitted",
    "dataclass_type": "Input should be a valid dictionary or instance of {class_name}",
}


def _message(err: dict) -> str:
    template = _PLAIN_MESSAGES.get(err["type"])
    try:
        return template.format(**err.get("ctx", {})) if template else err["msg"]
    except (KeyError, IndexError):  # a context without the name the template wants
        return err["msg"]


def validate_record(name: str, label: str, data: Any) -> list[Problem]:
    return load_record(name, label, data)[1]


def load_record(name: str, label: str, data: Any) -> tuple[Document | None, list[Problem]]:
    """The Document, or None and the problems that keep it from being one (record and field)."""
    if not isinstance(data, dict):
        return None, [Problem(name, label, f"expected a Document object, got {type(data).__name__}")]
    try:
        doc = Document.model_validate(data)
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"]) or "(record)"
            out.append(Problem(name, f"{label} {loc}", _message(err)))
        return None, out
    problems = [Problem(name, f"{label} {where}", msg) for where, msg in consistency_problems(doc)]
    return (None if problems else doc), problems


def consistency_problems(doc: Document) -> list[tuple[str, str]]:
    """Checks the types alone cannot make: spans inside the source, references that resolve."""
    out: list[tuple[str, str]] = []
    n = doc.source.chars
    section_ids = {s.id for s in doc.sections}
    seqs = [t.seq for t in doc.tasks]
    for name, span in doc.meta.spans.items():
        if name not in type(doc.meta).model_fields or name == "spans":
            out.append((f"meta.spans.{name}", "not a meta field"))
        elif span.end > n:
            out.append((f"meta.spans.{name}", f"ends at {span.end}, past the text's {n} characters"))
    for k, s in enumerate(doc.sections):
        if s.span.end > n:
            out.append((f"sections.{k}.span", f"ends at {s.span.end}, past the text's {n} characters"))
        if s.parent is not None and s.parent not in section_ids:
            out.append((f"sections.{k}.parent", f"no section {s.parent!r}"))
    for k, t in enumerate(doc.tasks):
        if t.span.end > n:
            out.append((f"tasks.{k}.span", f"ends at {t.span.end}, past the text's {n} characters"))
        if t.section is not None and t.section not in section_ids:
            out.append((f"tasks.{k}.section", f"no section {t.section!r}"))
    seq_set = set(seqs)
    for k, f in enumerate(doc.figures):
        if f.span.end > n:
            out.append((f"figures.{k}.span", f"ends at {f.span.end}, past the text's {n} characters"))
        if f.task is not None and f.task not in seq_set:
            out.append((f"figures.{k}.task", f"no task {f.task}"))
        if f.section is not None and f.section not in section_ids:
            out.append((f"figures.{k}.section", f"no section {f.section!r}"))
        if f.comparator == "range" and f.value_max is None:
            out.append((f"figures.{k}.value_max", "a range needs value_max"))
        for fld in ("value", "value_max"):
            v = getattr(f, fld)
            if v is not None and not math.isfinite(v):
                out.append((f"figures.{k}.{fld}", f"{v} is not a finite number"))
        if f.normalized is not None and not math.isfinite(f.normalized.value):
            out.append((f"figures.{k}.normalized.value", f"{f.normalized.value} is not a finite number"))
    return out
