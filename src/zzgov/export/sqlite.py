"""SQLite export: the tables of `export.tables` with primary keys, foreign keys and indexes.

>>> # zzgov export 001.txt 003.txt --to sqlite ledger.db
>>> # sqlite3 ledger.db "select t.seq, t.text from tasks t join task_units u
>>> #   on u.document = t.document and u.task = t.id where u.unit = '市商务局' and u.role = 'lead'"

The database is built in a temporary file beside the target and renamed over it at the end,
so an interrupted export never leaves a half-written database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Sequence

from zzgov.export.tables import SCHEMA, Table, build_tables
from zzgov.emit.atomic import atomic_path
from zzgov.models import Document


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_statements(table: Table) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements for one table."""
    cols = [f"{_q(c)} {typ}" for c, typ in table.columns]
    cols.append(f"PRIMARY KEY ({', '.join(map(_q, table.primary_key))})")
    for mine, other, theirs in table.foreign_keys:
        cols.append(f"FOREIGN KEY ({', '.join(map(_q, mine))}) REFERENCES {_q(other)} ({', '.join(map(_q, theirs))})")
    out = [f"CREATE TABLE {_q(table.name)} (\n  " + ",\n  ".join(cols) + "\n)"]
    for idx in table.indexes:
        name = f"idx_{table.name}_{'_'.join(idx)}"
        out.append(f"CREATE INDEX {_q(name)} ON {_q(table.name)} ({', '.join(map(_q, idx))})")
    return out


def write_database(conn: sqlite3.Connection, rows: dict[str, list[tuple]]) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:
        for table in SCHEMA:
            for stmt in create_statements(table):
                conn.execute(stmt)
            marks = ", ".join("?" for _ in table.columns)
            conn.executemany(f"INSERT INTO {_q(table.name)} VALUES ({marks})", rows[table.name])


def to_sqlite(docs: Sequence[Document], path: str | Path) -> dict[str, int]:
    """Write the documents to a new SQLite database at `path` (replacing it); row counts."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = build_tables(docs)
    with atomic_path(path) as tmp:
        conn = sqlite3.connect(tmp)
        try:
            write_database(conn, rows)
        finally:
            conn.close()
    return {name: len(r) for name, r in rows.items()}
