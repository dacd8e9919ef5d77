"""Check files of Document records (JSON, JSONL or YAML) against the models.

Problems come back as `Problem(file, path, message)` where `path` locates the record and the
field (`#2 tasks.5.lead_units`), and syntax errors carry their line and column.  YAML is read
with the safe loader: `!!python/...` tags are rejected, never executed.
"""

from __future__ import annotations

import json
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


def _records(name: str, text: str) -> Iterator[tuple[str, Any] | Problem]:
    """Yield (record label, data) pairs, or a Problem for unreadable text."""
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        yield Problem(name, "file", "empty: no records")
        return
    if stripped[0] in "{[":
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            if stripped[0] == "{" and "\n" in stripped and _looks_jsonl(stripped):
                yield from _jsonl(name, text)
                return
            yield Problem(name, f"line {exc.lineno} column {exc.colno}", f"invalid JSON: {exc.msg}")
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
    try:
        json.loads(first)
        return True
    except json.JSONDecodeError:
        return False


def _jsonl(name: str, text: str) -> Iterator[tuple[str, Any] | Problem]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield (f"line {lineno}", json.loads(line))
        except json.JSONDecodeError as exc:
            yield Problem(name, f"line {lineno} column {exc.colno}", f"invalid JSON: {exc.msg}")


def _yaml(name: str, text: str) -> Iterator[tuple[str, Any] | Problem]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        docs = list(yaml.load_all(text, Loader=loader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1} column {mark.column + 1}" if mark else "file"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        yield Problem(name, where, f"invalid YAML: {problem}")
        return
    for k, data in enumerate(d for d in docs if d is not None):
        yield (f"#{k + 1}", data)


def validate_text(name: str, text: str) -> tuple[int, list[Problem]]:
    """(number of records read, problems found)."""
    problems: list[Problem] = []
    count = 0
    for item in _records(name, text):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        label, data = item
        count += 1
        problems.extend(validate_record(name, label, data))
    return count, problems


def validate_record(name: str, label: str, data: Any) -> list[Problem]:
    if not isinstance(data, dict):
        return [Problem(name, label, f"expected a Document object, got {type(data).__name__}")]
    try:
        doc = Document.model_validate(data)
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"]) or "(record)"
            out.append(Problem(name, f"{label} {loc}", err["msg"]))
        return out
    return [Problem(name, f"{label} {where}", msg) for where, msg in consistency_problems(doc)]


def consistency_problems(doc: Document) -> list[tuple[str, str]]:
    """Checks the types alone cannot make: spans inside the source, references that resolve."""
    out: list[tuple[str, str]] = []
    n = doc.source.chars
    section_ids = {s.id for s in doc.sections}
    seqs = [t.seq for t in doc.tasks]
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
    return out
