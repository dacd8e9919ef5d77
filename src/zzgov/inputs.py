"""What a command was given: a raw document to parse, or zzgov's own records (JSON, JSONL or
YAML) to read back, told apart by the first bytes; and where a record's source file is.

>>> sniff(b'{"schema_version": "1.0"}')
'json'
>>> sniff("schema_version: '1.0'\\nid: x\\n".encode())
'yaml'
>>> sniff("郑州市人民政府办公厅\\n关于印发…的通知".encode())
'text'

A raw government text never opens with `{"` or with a Document field name and a colon, so the
sniff does not need the file's name; a `.json`/`.jsonl`/`.yaml` suffix still marks a record
file whatever it holds (a damaged one is then reported, not parsed as prose), and `--input`
settles the rare case the sniff gets wrong.

Source paths (`source.path`): written to standard output, a record names its source by its
absolute path, so a later command finds it from any directory; written into a folder (`-o DIR`),
by the path relative to that folder when the two share a folder below the root, so they can
move together (and a committed output tree does not hold one machine's home directory).  Readers try a relative path
against the record file's folder first, then the working directory (records written before
this rule were relative to the directory of the parse).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

INPUT_FORMATS = ("auto", "text", "json", "jsonl", "yaml")
RECORD_SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".yaml": "yaml", ".yml": "yaml"}
STDIN = "-"

# How much of the input the sniff looks at: the first field name of a record is near the top.
SNIFF_BYTES = 4096
# `{"…` or `[{…`, `[]`: the opening of JSON objects or a list of them.
_JSON_START = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*(?:\{\s*(?:"|\})|\[\s*(?:\{|\]))')
# YAML: directives, `---` and comments may come first; then `field:`.
_YAML_SKIP = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:[ \t]*(?:%[^\n]*|---[ \t]*|#[^\n]*)?\r?\n)*")
_YAML_KEY = re.compile(rb"([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t]|\r?\n|\Z)")


def _document_fields() -> frozenset[bytes]:
    from zzgov.models import Document

    return frozenset(name.encode() for name in Document.model_fields)


def sniff(data: bytes, any_key: bool = False) -> str:
    """`json` (JSON or JSON lines), `yaml` or `text`, from the first bytes of an input.

    YAML must open with a Document field (`schema_version:`, `id:` …); with `any_key`, any
    ASCII `name:` will do (to tell a damaged record from prose)."""
    head = data[:SNIFF_BYTES]
    if _JSON_START.match(head):
        return "json"
    rest = head[_YAML_SKIP.match(head).end():]
    m = _YAML_KEY.match(rest)
    if m and (any_key or m.group(1) in _document_fields()):
        return "yaml"
    return "text"


def input_format(path: str, data: bytes, forced: str | None = None) -> str:
    """The format to read `data` as: `forced` unless auto, else the suffix, else the sniff."""
    if forced and forced != "auto":
        return forced
    by_suffix = RECORD_SUFFIXES.get(Path(path).suffix.lower()) if path != STDIN else None
    return by_suffix or sniff(data)


def record_items(name: str, data: bytes, fmt: str) -> Iterator:
    """(label, Document) per valid record of a record input, or a Problem per fault (with the
    record and field: `#2 tasks.5.seq`)."""
    from zzgov import validate as v

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield v.Problem(name, f"byte {exc.start}", "not UTF-8 (zzgov writes its records in UTF-8)")
        return
    reader = {"json": _json, "jsonl": v._jsonl, "yaml": v._yaml}.get(fmt, v._records)
    for item in reader(name, text):
        if isinstance(item, v.Problem):
            yield item
            continue
        doc, problems = v.load_record(name, *item)
        yield from problems
        if doc is not None:
            yield item[0], doc


def _json(name: str, text: str) -> Iterator:
    """JSON or JSON lines, never YAML (which would take a text for one string)."""
    from zzgov import validate as v

    if text.lstrip("\ufeff").lstrip()[:1] in ("{", "["):
        yield from v._records(name, text)
        return
    data = v._json_loads(name, text)
    yield data if isinstance(data, v.Problem) else ("#1", data)


def source_path_for(path: str, base: str | os.PathLike | None) -> str:
    """`source.path` for an input read from `path`: absolute (base None: the record goes to
    standard output) or relative to `base`, the folder the record is written into."""
    if path == STDIN:
        return path
    absolute = os.path.abspath(path)
    if base is None:
        return absolute
    folder = os.path.abspath(base)
    try:
        shared = os.path.commonpath([absolute, folder])
    except ValueError:  # another drive (Windows): no relative path exists
        return absolute
    if os.path.dirname(shared) == shared:
        return absolute  # nothing in common but the root: `../../../work/…` would say less
    return os.path.relpath(absolute, folder)


def source_candidates(source_path: str, record_path: str) -> list[str]:
    """Where the file a record names may be: as written when absolute; else beside the record
    file, then from the working directory."""
    if not source_path or source_path == STDIN:
        return []
    if os.path.isabs(source_path):
        return [source_path]
    out = []
    if record_path != STDIN:
        out.append(os.path.join(os.path.dirname(record_path), source_path))
    out.append(source_path)
    return out


def rebase_source(doc, record_path: str, base: str | os.PathLike | None):
    """`doc` with its source path re-expressed for a record written elsewhere (see
    source_path_for); unchanged when the source file cannot be found."""
    for candidate in source_candidates(doc.source.path, record_path):
        if os.path.isfile(candidate):
            new = source_path_for(candidate, base)
            if new != doc.source.path:
                doc = doc.model_copy(update={"source": doc.source.model_copy(update={"path": new})})
            return doc
    return doc
