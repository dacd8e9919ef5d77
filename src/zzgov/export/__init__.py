"""Exports of parsed Documents for people and databases.

- `to_sqlite(docs, path)`: tables documents, sections, tasks, units, task_units (role
  lead/co), leaders, task_leaders, figures, with keys and indexes; an existing database is
  updated by document (`export.sqlite`).
- `to_xlsx(docs, path)`: the 工作落实台账 ledger, a 总台账 sheet and one sheet per unit; an
  existing ledger is updated, keeping what people typed in 状态/进展/备注 (`export.xlsx`,
  needs openpyxl).
- `to_csv(docs, dir)`: one UTF-8-with-BOM file per table, moved into place as a set
  (`export.csvfiles`).

All three share the rows built by `export.tables`, write atomically, and store text from
documents as text, never as a formula.  `replace=True` (sqlite, xlsx) rebuilds the file.
"""

from zzgov.export.csvfiles import to_csv
from zzgov.export.sqlite import to_sqlite
from zzgov.export.tables import SCHEMA, TABLES, ExportError, build_tables
from zzgov.export.xlsx import to_xlsx

FORMATS = ("sqlite", "xlsx", "csv")

__all__ = ["FORMATS", "SCHEMA", "TABLES", "ExportError", "build_tables", "to_csv", "to_sqlite", "to_xlsx"]
