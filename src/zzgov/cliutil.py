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

from zzgov.inputs import INPUT_FORMATS

ROW_FORMATS = ("table", "json", "jsonl", "csv", "tsv")
# Where the options every row command shares leave their values (click's ctx.meta, shared
# down the context chain), so commands need not pass them on: emit_rows reads them.
_META = "zzgov.rows"
_INPUT = "zzgov.input"


def err(msg: str) -> None:
    """One line on stderr: `zzgov: error: …`, its control characters escaped (a newline in a
    file name would break the one-line format, an escape sequence would reach the terminal)."""
    from zzgov.text.display import printable

    click.echo(f"zzgov: error: {printable(msg)}", err=True)


def quiet_broken_pipe(fn):
    """`zzgov … | head` must not print a traceback when head closes the pipe; standard output
    that cannot take the output (a full disk, `> /dev/full`) is a one-line error, exit 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:
            _stdout_to_devnull()
            sys.exit(0)
        except OSError as exc:
            from zzgov.emit.stdout import StdoutError  # not at start-up: only on a failure

            if not isinstance(exc, StdoutError):
                raise
            _stdout_to_devnull()
            err(str(exc))
            sys.exit(1)

    return wrapper


def _stdout_to_devnull() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush of what is left in
    its buffer cannot fail again at exit (it would print a second message and exit 120)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no descriptor: an in-memory stream
        pass


def format_option(choices: Sequence[str] = ROW_FORMATS, default: str | None = None, help: str | None = None):
    """The one --format option every command shares (sqlite-utils style). With no default,
    row commands print a table on a terminal and JSON lines into a pipe; row commands (the
    default choices) also get --csv, --tsv, --no-headers and --columns."""
    if help is None:
        help = "Output format (default: table on a terminal, jsonl in a pipe)." if default is None else "Output format."
    fmt = click.option(
        "--format", "fmt", type=click.Choice(tuple(choices)), default=default, show_default=bool(default), help=help,
    )
    if tuple(choices) != ROW_FORMATS:
        return fmt
    extras = [
        click.option("--csv", "csv_flag", is_flag=True, expose_value=False, callback=_remember,
                     help="Same as --format csv."),
        click.option("--tsv", "tsv_flag", is_flag=True, expose_value=False, callback=_remember,
                     help="Same as --format tsv (tab-separated)."),
        click.option("--no-headers", "no_headers", is_flag=True, expose_value=False, callback=_remember,
                     help="Leave out the header row (csv, tsv, table)."),
        click.option("--columns", "columns", metavar="A,B,…", expose_value=False, callback=_remember,
                     help="Only these columns, in this order (every format; names as in the JSON rows)."),
    ]

    def apply(f):
        for option in reversed(extras):
            f = option(f)
        return fmt(f)

    return apply


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta.setdefault(_META, {})[param.name] = value
    return value


def _row_options() -> dict:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(_META, {}) if ctx is not None else {}


def _remember_input(ctx: click.Context, param: click.Parameter, value: str) -> str:
    ctx.meta[_INPUT] = value
    return value


# On every command that reads documents; load_documents (and parse) read its value.
input_option = click.option(
    "--input", "input_fmt", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
    expose_value=False, callback=_remember_input,
    help="What the inputs are: document texts or zzgov's records (auto: by the file's suffix, else by "
         "its first bytes).")


def chosen_input_format() -> str:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(_INPUT, "auto") if ctx is not None else "auto"


verbose_option = click.option("-v", "--verbose", is_flag=True, help="Show tracebacks for errors.")


def resolve_row_format(fmt: str | None) -> str:
    flags = [name for name, key in (("csv", "csv_flag"), ("tsv", "tsv_flag")) if _row_options().get(key)]
    if len(flags) > 1 or (flags and fmt and fmt != flags[0]):
        raise click.UsageError(f"--{flags[0]} and --{flags[1] if len(flags) > 1 else 'format ' + fmt} disagree")
    if fmt or flags:
        return fmt or flags[0]
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


def _chosen_columns(rows: list[dict], offered: Sequence[str]) -> list[str] | None:
    """The --columns names, checked against the columns the rows have (a usage error names
    the choices)."""
    spec = _row_options().get("columns")
    if not spec:
        return None
    names = [c.strip() for c in spec.split(",") if c.strip()]
    known = list(dict.fromkeys([*offered, *(k for r in rows[:1] for k in r)]))
    unknown = [c for c in names if c not in known]
    if unknown or not names:
        raise click.UsageError(f"no column {', '.join(unknown) or '(none given)'}; the columns are {', '.join(known)}",
                               ctx=click.get_current_context(silent=True))
    return names


def emit_rows(rows: Iterable[dict], columns: Sequence[str], fmt: str | None, title: str | None = None,
              table_columns: Sequence[str] | None = None) -> None:
    """Write rows (dicts) to stdout in the chosen format.

    `columns` orders the CSV/TSV columns and the table's (`table_columns`, when given, is the
    narrower set a terminal shows); JSON rows carry every key.  --columns picks and orders
    the columns of every format; --no-headers drops the header row.  Output is UTF-8 and
    every write is checked (zzgov.emit.stdout)."""
    from zzgov.emit.stdout import write_stdout_text

    fmt = resolve_row_format(fmt)
    rows = list(rows)
    chosen = _chosen_columns(rows, [*columns, *(table_columns or ())])
    if chosen is not None:
        rows = [{c: r.get(c) for c in chosen} for r in rows]
        columns = table_columns = chosen
    headers = not _row_options().get("no_headers")
    if fmt == "json":
        write_stdout_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        write_stdout_text("".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows))
    elif fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n", delimiter="," if fmt == "csv" else "\t")
        if headers:
            w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
        write_stdout_text(buf.getvalue())
    else:
        write_stdout_text(_table_text(rows, table_columns or columns, title, headers))


def _table_text(rows: list[dict], columns: Sequence[str], title: str | None, headers: bool) -> str:
    """The rich table as the terminal would show it (width, colours), captured as text so that
    it is written, and checked, like every other output."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, show_header=headers)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*[_cell(r.get(c)) for c in columns])
    terminal = Console()  # measures standard output: width, colours
    console = Console(file=io.StringIO(), width=terminal.width, color_system=terminal.color_system,
                      force_terminal=terminal.is_terminal, legacy_windows=False)
    console.print(table)
    return console.file.getvalue()


# Problems reported per record input before the rest are summed up (a wrong file can have
# thousands); `zzgov validate` lists them all.
MAX_PROBLEMS_SHOWN = 5


def load_documents(paths: Sequence[str], kind: str | None = None, input_fmt: str | None = None):
    """Documents from raw texts or from zzgov JSON/JSONL/YAML records, in path order: a list
    of (path, Document) and whether any input failed (each failure reported with err()).

    `input_fmt`: auto (the default: by suffix, else by the first bytes; see zzgov.inputs),
    text, json, jsonl or yaml; by default the command's --input.  A record that is not a
    valid Document is reported by record and field (`#2 tasks.5.seq: …`) and left out."""
    from zzgov.batch import expand_paths

    files, missing = expand_paths(paths or ("-",))
    bad = bool(missing)
    for p, msg in missing:
        err(f"{p}: {msg}")
    docs = []
    for f in files:
        try:
            found, problems = read_documents(f, kind, input_fmt)
        except Exception as exc:  # reported per file; the rest go on
            if isinstance(exc, OSError) and exc.strerror:
                msg = exc.strerror.lower()
            else:
                msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            err(f"{f}: {msg}")
            bad = True
            continue
        for p in problems[:MAX_PROBLEMS_SHOWN]:
            err(f"{f}: {p.path}: {p.message}")
        if len(problems) > MAX_PROBLEMS_SHOWN:
            err(f"{f}: {len(problems) - MAX_PROBLEMS_SHOWN} more problem(s); `zzgov validate {f}` lists them all")
        bad = bad or bool(problems)
        docs.extend((f, d) for d in found)
    return docs, bad


def read_documents(path: str, kind: str | None = None, input_fmt: str | None = None):
    """The Documents of one input and the problems of its records: a raw text is parsed,
    records are read; either way `source.path` is absolute when the source file is found, so
    what a command writes (an export's source_path) leads to it from anywhere."""
    from pathlib import Path

    from zzgov.api import parse_bytes
    from zzgov.batch import read_input
    from zzgov.inputs import input_format, rebase_source, record_items, source_path_for
    from zzgov.validate import Problem

    data = read_input(path)
    how = input_format(path, data, input_fmt or chosen_input_format())
    if how == "text":
        stem = "stdin" if path == "-" else Path(path).stem
        return [parse_bytes(data, kind=kind, doc_id=stem, path=source_path_for(path, None))], []
    docs, problems = [], []
    for item in record_items(path, data, how):
        if isinstance(item, Problem):
            problems.append(item)
        else:  # a source found beside the record is named absolutely from here on (exports keep it)
            docs.append(rebase_source(item[1], path, None))
    return docs, problems
