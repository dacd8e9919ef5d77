"""CSV export: one file per table (`documents.csv`, `tasks.csv`, …) in a directory, UTF-8
with a byte order mark so Excel opens the Chinese text correctly; each file written
atomically.  Empty values are empty cells; booleans are 0/1."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Sequence

from zzgov.emit import atomic_write
from zzgov.export.tables import SCHEMA, build_tables
from zzgov.models import Document

BOM = "\ufeff"


def table_csv(columns: Sequence[str], rows: Sequence[tuple]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # RFC 4180 line ends, as Excel writes them
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return BOM + buf.getvalue()


def to_csv(docs: Sequence[Document], outdir: str | Path) -> dict[str, int]:
    """Write `<table>.csv` files into `outdir`; row counts per table."""
    outdir = Path(outdir)
    rows = build_tables(docs)
    for table in SCHEMA:
        atomic_write(outdir / f"{table.name}.csv", table_csv(table.column_names, rows[table.name]))
    return {name: len(r) for name, r in rows.items()}
