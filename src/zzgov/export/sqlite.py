"""SQLite export: the tables of `export.tables` with primary keys, foreign keys and indexes.

>>> # zzgov export 001.txt 003.txt --to sqlite ledger.db
>>> # sqlite3 ledger.db "select t.seq, t.text from tasks t join task_units u
>>> #   on u.document = t.document and u.task = t.id where u.unit = '市商务局' and u.role = 'lead'"

Into an existing database, as sqlite-utils does: zzgov's tables are created when missing, and
each exported document's rows replace that document's rows (keyed by document id), so other
documents and every other table in the database stay as they were; units gather the
spellings of every export.  `replace=True` rebuilds the file from nothing.  A file that is not
an SQLite database, or whose tables of zzgov's names have other columns, is refused unless
`replace`.

The database is built (or updated) in a temporary copy beside the target and renamed over it
at the end, so an interrupted export or a full disk never leaves a half-written database.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Sequence

from zzgov.emit.atomic import atomic_path
from zzgov.export.tables import SCHEMA, ExportError, Table, build_tables
from zzgov.models import Document

# Tables whose rows belong to one document: replaced per document on update.
PER_DOCUMENT = tuple(t.name for t in SCHEMA if t.name != "documents" and "document" in t.column_names)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_statements(table: Table, if_not_exists: bool = False) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements for one table."""
    cols = [f"{_q(c)} {typ}" for c, typ in table.columns]
    cols.append(f"PRIMARY KEY ({', '.join(map(_q, table.primary_key))})")
    for mine, other, theirs in table.foreign_keys:
        cols.append(f"FOREIGN KEY ({', '.join(map(_q, mine))}) REFERENCES {_q(other)} ({', '.join(map(_q, theirs))})")
    guard = "IF NOT EXISTS " if if_not_exists else ""
    out = [f"CREATE TABLE {guard}{_q(table.name)} (\n  " + ",\n  ".join(cols) + "\n)"]
    for idx in table.indexes:
        name = f"idx_{table.name}_{'_'.join(idx)}"
        out.append(f"CREATE INDEX {guard}{_q(name)} ON {_q(table.name)} ({', '.join(map(_q, idx))})")
    return out


def write_database(conn: sqlite3.Connection, rows: dict[str, list[tuple]]) -> None:
    """Create zzgov's tables in a new database and fill them."""
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        for table in SCHEMA:
            for stmt in create_statements(table):
                conn.execute(stmt)
            marks = ", ".join("?" for _ in table.columns)
            conn.executemany(f"INSERT INTO {_q(table.name)} VALUES ({marks})", rows[table.name])


def _check_columns(conn: sqlite3.Connection, path: Path) -> None:
    for table in SCHEMA:
        have = [r[1] for r in conn.execute(f"PRAGMA table_info({_q(table.name)})")]
        if have and have != list(table.column_names):
            raise ExportError(f"{path}: table {table.name} has other columns than zzgov's "
                              f"({', '.join(have)}); use --replace to rebuild the database")


def update_database(conn: sqlite3.Connection, rows: dict[str, list[tuple]], path: Path) -> None:
    """Add the rows to an existing database: each exported document's rows replace its old
    ones, units and leaders are added (a unit's aliases gathered), nothing else changes."""
    _check_columns(conn, path)
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        for table in SCHEMA:
            for stmt in create_statements(table, if_not_exists=True):
                conn.execute(stmt)
        keys = [(r[0],) for r in rows["documents"]]
        # children first: the foreign keys point at tasks and documents
        for name in sorted(PER_DOCUMENT, key=lambda n: n in ("tasks", "sections")):
            conn.executemany(f"DELETE FROM {_q(name)} WHERE document = ?", keys)
        docs = SCHEMA[0]
        sets = ", ".join(f"{_q(c)} = excluded.{_q(c)}" for c in docs.column_names[1:])
        conn.executemany(f"INSERT INTO documents VALUES ({', '.join('?' for _ in docs.columns)}) "
                         f"ON CONFLICT (id) DO UPDATE SET {sets}", rows["documents"])
        conn.executemany("INSERT INTO units VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                         "type = excluded.type, aliases = excluded.aliases", _merged_units(conn, rows["units"]))
        conn.executemany("INSERT INTO leaders VALUES (?) ON CONFLICT (name) DO NOTHING", rows["leaders"])
        for table in SCHEMA:
            if table.name in PER_DOCUMENT:
                marks = ", ".join("?" for _ in table.columns)
                conn.executemany(f"INSERT INTO {_q(table.name)} VALUES ({marks})", rows[table.name])


def _merged_units(conn: sqlite3.Connection, units: list[tuple]) -> list[tuple[str, str, str]]:
    """Each exported unit's row, its aliases (JSON) joined with those it already had."""
    out = []
    for name, _type, aliases in units:
        got = conn.execute("SELECT aliases FROM units WHERE name = ?", (name,)).fetchone()
        merged = set(json.loads(aliases))
        if got and got[0]:
            try:
                merged |= set(json.loads(got[0]))
            except (ValueError, TypeError):
                pass  # a hand-edited cell: this export's aliases stand
        out.append((name, _type, json.dumps(sorted(merged), ensure_ascii=False)))
    return out


def to_sqlite(docs: Sequence[Document], path: str | Path, replace: bool = False) -> dict[str, int]:
    """Write the documents to the SQLite database at `path`: a new one, or the existing one
    updated (see the module's docstring) unless `replace`; row counts written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = build_tables(docs)
    existing = path.exists() and not replace
    with atomic_path(path) as tmp:
        conn = sqlite3.connect(tmp)
        try:
            if existing:
                _copy_database(path, conn)
                update_database(conn, rows, path)
            else:
                write_database(conn, rows)
        finally:
            conn.close()
    return {name: len(r) for name, r in rows.items()}


def _copy_database(path: Path, into: sqlite3.Connection) -> None:
    """The database at `path` copied into `into` (SQLite's backup); ExportError when `path`
    is not an SQLite database or another program holds it open mid-write.

    A database in WAL mode is checkpointed first: the renamed copy must not meet a
    write-ahead log beside it that still holds pages of the old file."""
    try:
        src = sqlite3.connect(path, timeout=5)
        try:
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if Path(f"{path}-wal").exists():
                busy = src.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if busy:
                    raise ExportError(f"{path}: another program is writing the database; "
                                      "export again when it is done")
            src.backup(into)
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        if "disk is full" in str(exc) or "disk I/O" in str(exc):
            raise
        raise ExportError(f"{path} exists and is not an SQLite database ({exc}); "
                          "use --replace to overwrite it") from exc
