"""Pieces every command shares: the --format option, one-line errors, quiet broken pipes,
and row output (a rich table on a terminal, JSON / JSON lines / CSV for machines)."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import sys
from typing import Any, Iterable, Sequence

import click

ROW_FORMATS = ("table", "json", "jsonl", "csv")


# Control characters (a newline in a file name) would break the one-line error format.
_ESCAPES = {i: f"\\x{i:02x}" for i in [*range(0x20), 0x7F]} | {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}


def err(msg: str) -> None:
    """One line on stderr: `zzgov: error: …`."""
    click.echo(f"zzgov: error: {msg.translate(_ESCAPES)}", err=True)


def quiet_broken_pipe(fn):
    """`zzgov … | head` must not print a traceback when head closes the pipe."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)

    return wrapper


def format_option(choices: Sequence[str] = ROW_FORMATS, default: str | None = None, help: str | None = None):
    """The one --format option every command shares (sqlite-utils style). With no default,
    row commands print a table on a terminal and JSON lines into a pipe."""
    if help is None:
        help = "Output format (default: table on a terminal, jsonl in a pipe)." if default is None else "Output format."
    return click.option(
        "--format", "fmt", type=click.Choice(tuple(choices)), default=default, show_default=bool(default), help=help,
    )


verbose_option = click.option("-v", "--verbose", is_flag=True, help="Show tracebacks for errors.")


def resolve_row_format(fmt: str | None) -> str:
    if fmt:
        return fmt
    return "table" if sys.stdout.isatty() else "jsonl"


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "、".join(_cell(x) for x in v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def emit_rows(rows: Iterable[dict], columns: Sequence[str], fmt: str | None, title: str | None = None) -> None:
    """Write rows (dicts) to stdout in the chosen format; `columns` orders table/CSV columns."""
    fmt = resolve_row_format(fmt)
    rows = list(rows)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
        sys.stdout.write(buf.getvalue())
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*[_cell(r.get(c)) for c in columns])
        Console().print(table)
    sys.stdout.flush()


def load_documents(paths: Sequence[str], kind: str | None = None):
    """Documents from raw texts or from zzgov JSON/JSONL/YAML output, in path order.

    Yields (path, Document) and reports unreadable inputs with err(); returns nothing else.
    Commands that take PATH... accept either, so `zzgov parse -o out/` output can be reused.
    """
    from zzgov.batch import expand_paths

    files, missing = expand_paths(paths or ("-",))
    bad = bool(missing)
    for p, msg in missing:
        err(f"{p}: {msg}")
    docs = []
    for f in files:
        try:
            docs.extend((f, d) for d in read_documents(f, kind))
        except Exception as exc:  # reported per file; the rest go on
            err(f"{f}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
            bad = True
    return docs, bad


def read_documents(path: str, kind: str | None = None):
    """Documents in one file: parsed records (.json/.jsonl/.yaml) or a raw text to parse."""
    from pathlib import Path

    from zzgov.api import parse_bytes
    from zzgov.models import Document

    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    suffix = Path(path).suffix.lower()
    if suffix in (".json", ".jsonl", ".yaml", ".yml"):
        from zzgov.validate import _records, Problem

        out = []
        for item in _records(path, data.decode("utf-8-sig")):
            if isinstance(item, Problem):
                raise ValueError(f"{item.path}: {item.message}")
            out.append(Document.model_validate(item[1]))
        return out
    stem = "stdin" if path == "-" else Path(path).stem
    return [parse_bytes(data, kind=kind, doc_id=stem, path=path)]
