"""Check files of Document records (JSON, JSONL or YAML) against the models.

Problems come back as `Problem(file, path, message)` where `path` locates the record and the
field (`#2 tasks.5.lead_units`), and syntax errors carry their line and column.  YAML is read
with the safe loader: `!!python/...` tags are rejected, never executed, and aliases may not
expand a file to more than twice its written size (nested aliases grow with the square or
exponentially: a few kilobytes would take minutes and gigabytes to check).

`validate_stream` reads a file as it goes: JSON lines one record at a time (memory bounded
by the largest record, whatever the file's size), a JSON or YAML file whole up to
MAX_FILE_BYTES, the limit parse has for a document.
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
        """One line, with whatever the file put in keys, values and its name escaped: a
        newline would forge a problem line, an escape sequence would reach the terminal."""
        from zzgov.text.display import printable

        return printable(f"{self.file}: {self.path}: {self.message}")


# Deeper nesting than any Document has (about 6 levels) is refused before it is built: the C
# YAML composer recurses on the C stack (a crash, not an error) and json recurses in Python.
MAX_DEPTH = 100
# Python refuses to convert longer integer literals (sys.get_int_max_str_digits).
MAX_INT_DIGITS = 4000
# Nodes YAML aliases may add to a file beyond those it writes out: none of zzgov's own
# output uses aliases, so a hand-written record may share a list or two, but no more than
# doubles the work of checking it.
ALIAS_NODES_FLOOR = 10_000
# A JSON or YAML file is read and checked whole: no bigger than the largest input parse
# takes (batch.MAX_INPUT_BYTES).  A JSON line is one record and may be as big.
MAX_FILE_BYTES = 64 * 1024 * 1024


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
    """(location, message) for YAML nested too deeply, holding an integer too long to
    convert, or whose aliases expand it too far, found from the parser's events before
    anything is built.

    An alias stands for the whole node its anchor names, aliases inside it expanded: the
    nodes each anchor stands for are counted as its node closes, and the nodes aliases add
    may not pass those written out so far plus ALIAS_NODES_FLOOR."""
    def where(ev) -> str:
        return f"line {ev.start_mark.line + 1} column {ev.start_mark.column + 1}"

    depth = 0
    open_nodes: list[list] = []  # [anchor, nodes so far] of each open sequence or mapping
    anchored: dict[str, int] = {}  # anchor -> nodes it stands for
    written = added = 0
    for ev in yaml.parse(text, Loader=loader):
        if isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return where(ev), f"nested more than {MAX_DEPTH} levels deep"
            written += 1
            open_nodes.append([ev.anchor, 1])
        elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
            anchor, size = open_nodes.pop()
            if anchor is not None:
                anchored[anchor] = size
            if open_nodes:
                open_nodes[-1][1] += size
        elif isinstance(ev, yaml.ScalarEvent):
            if not ev.style and len(ev.value) > MAX_INT_DIGITS:
                digits = sum(c.isdigit() for c in ev.value)
                if digits > MAX_INT_DIGITS:
                    return where(ev), f"number with {digits} digits"
            written += 1
            if ev.anchor is not None:
                anchored[ev.anchor] = 1
            if open_nodes:
                open_nodes[-1][1] += 1
        elif isinstance(ev, yaml.AliasEvent):
            size = anchored.get(ev.anchor, 1)  # an unknown anchor: the loader reports it
            written += 1
            added += size - 1
            if added > written + ALIAS_NODES_FLOOR:
                return where(ev), (f"aliases expand {written:,} written nodes to over "
                                   f"{written + added:,} (the limit is twice the written nodes "
                                   f"plus {ALIAS_NODES_FLOOR:,}); write the records out in full")
            if open_nodes:
                open_nodes[-1][1] += size
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


class Unreadable(ValueError):
    """A file validate cannot read as records: not UTF-8, or too big to read whole."""


def _read_line(fh, limit: int, discard: bool = True) -> tuple[bytes, bool]:
    """(the next line, whether it fits in `limit` bytes).  A longer line is read to its end
    and thrown away a chunk at a time when `discard` (a JSON line too big to be a record),
    else left where it is."""
    line = fh.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, True
    while discard and line and not line.endswith(b"\n"):
        line = fh.readline(1 << 20)
    return b"", False


def _blank(line: bytes) -> bool:
    return not line.strip() or not line.decode("utf-8", "replace").strip()


def _text(data: bytes, first: bool) -> str:
    try:
        return data.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        raise Unreadable("not UTF-8") from None


def _too_big(what: str) -> Unreadable:
    return Unreadable(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; {what}")


def stream_records(name: str, fh) -> Iterator[tuple[str, Any] | Problem]:
    """What `_records` yields for the bytes of binary file `fh`, read as it goes: JSON lines
    one at a time, a JSON or YAML file whole (at most MAX_FILE_BYTES, else Unreadable).

    The kind is told from the first line that is not blank, as `_records` tells it: a line
    that is a JSON object by itself, followed by more, starts JSON lines; else the file is
    one JSON value (`{`, `[`) or YAML."""
    head: list[bytes] = []
    size = 0
    first = ""
    while not first.strip():
        line, fits = _read_line(fh, MAX_FILE_BYTES - size, discard=False)
        if not fits:
            raise _too_big("not a file of records")
        if not line:
            break
        head.append(line)
        size += len(line)
        first = _text(line, first=len(head) == 1)
    stripped = first.strip()
    record = _json_loads(name, stripped) if stripped.startswith("{") else None
    if record is None or isinstance(record, Problem):  # one JSON value or YAML, read whole
        from zzgov.batch import read_bounded

        rest = read_bounded(fh, MAX_FILE_BYTES - size + 1)
        if size + len(rest) > MAX_FILE_BYTES:
            if _looks_like_prose(_text(b"".join(head), first=True)):
                yield Problem(name, "file", NOT_A_RECORD)
                return
            raise _too_big("JSON and YAML files are read whole (JSON lines, a record a line, as they come)")
        text = _text(b"".join(head) + rest, first=True)
        if _looks_like_prose(text):  # as validate_text tells it
            yield Problem(name, "file", NOT_A_RECORD)
            return
        yield from _records(name, text)
        return
    n = len(head)
    while True:  # past blank lines to a second record, if there is one
        line, fits = _read_line(fh, MAX_FILE_BYTES)
        if fits and not line:
            yield ("#1", record)  # one record: named as the whole-file reader names it
            return
        n += 1
        if not fits or not _blank(line):
            break
    yield (f"line {len(head)}", record)
    while True:
        yield from _jsonl_line(name, n, line if fits else None)
        while True:
            line, fits = _read_line(fh, MAX_FILE_BYTES)
            if fits and not line:
                return
            n += 1
            if not fits or not _blank(line):
                break


def _jsonl_line(name: str, n: int, line: bytes | None) -> Iterator[tuple[str, Any] | Problem]:
    if line is None:
        yield Problem(name, f"line {n}", f"longer than {MAX_FILE_BYTES // (1024 * 1024)} MiB; not a record")
        return
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield Problem(name, f"line {n} column {exc.start + 1}", "not UTF-8")
        return
    data = _json_loads(name, text, offset_label=f"line {n}")
    yield data if isinstance(data, Problem) else (f"line {n}", data)


def validate_stream(name: str, fh) -> Iterator[Problem | int]:
    """The problems of the records in binary file `fh`, as each record is read, then the
    number of records read.  Raises Unreadable (and OSError) for a file it cannot read."""
    count = 0
    for item in stream_records(name, fh):
        if isinstance(item, Problem):
            yield item
            continue
        count += 1
        yield from validate_record(name, *item)
    yield count


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
