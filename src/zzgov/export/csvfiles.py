"""CSV export: one file per table (`documents.csv`, `tasks.csv`, …) in a directory, UTF-8
with a byte order mark so Excel opens the Chinese text correctly.  Empty values are empty
cells; booleans are 0/1.

Text from documents never becomes a formula: a text cell starting with `=`, `+`, `-`, `@`, a
tab or a carriage return gets a leading `'` (the OWASP rule for CSV injection); numbers are
written as they are.

The set is written into a temporary folder beside the target and moved into place only when
every file is complete: a full disk or an interrupted run leaves the previous set (or
nothing), never some tables new and some old or missing.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Sequence

from zzgov.emit import atomic_write
from zzgov.emit.atomic import remove_stale_temporaries, sync_directory, temporary_prefix
from zzgov.export.tables import SCHEMA, build_tables
from zzgov.models import Document

BOM = "\ufeff"
# Characters a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(v: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text, never evaluates.

    >>> [safe_cell(v) for v in ("=1+1", "@SUM(A1)", "-3", "市财政局", -3.5, None)]
    ["'=1+1", "'@SUM(A1)", "'-3", '市财政局', -3.5, '']
    """
    if v is None:
        return ""
    if isinstance(v, str) and v.startswith(FORMULA_STARTS):
        return "'" + v
    return v


def table_csv(columns: Sequence[str], rows: Sequence[tuple]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # RFC 4180 line ends, as Excel writes them
    w.writerow(columns)
    for r in rows:
        w.writerow([safe_cell(v) for v in r])
    return BOM + buf.getvalue()


def to_csv(docs: Sequence[Document], outdir: str | Path) -> dict[str, int]:
    """Write `<table>.csv` files into `outdir` as one set; row counts per table.

    Other files in an existing `outdir` are left alone; zzgov's tables in it are replaced."""
    outdir = Path(outdir)
    rows = build_tables(docs)
    outdir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(outdir.parent)  # the set a killed export left half-written
    tmp = Path(tempfile.mkdtemp(prefix=temporary_prefix(), suffix=".tmp", dir=outdir.parent))
    try:
        for table in SCHEMA:
            atomic_write(tmp / f"{table.name}.csv", table_csv(table.column_names, rows[table.name]), sync_dir=False)
        sync_directory(tmp)
        if not outdir.exists():
            os.chmod(tmp, 0o777 & ~_umask())
            os.rename(tmp, outdir)  # the whole set appears at once
        else:
            # The folder is the user's (it may hold other files): the tables are complete
            # beside it, and renames within one file system need no space.
            for table in SCHEMA:
                os.replace(tmp / f"{table.name}.csv", outdir / f"{table.name}.csv")
            tmp.rmdir()
        sync_directory(outdir.parent)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return {name: len(r) for name, r in rows.items()}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
