"""Exports of parsed Documents for people and databases.

- `to_sqlite(docs, path)`: tables documents, sections, tasks, units, task_units (role
  lead/co), leaders, task_leaders, figures, with keys and indexes (`export.sqlite`).
- `to_xlsx(docs, path)`: the 工作落实台账 ledger, an overview sheet and one sheet per lead
  unit (`export.xlsx`, needs openpyxl).
- `to_csv(docs, dir)`: one UTF-8-with-BOM file per table (`export.csvfiles`).

All three share the rows built by `export.tables` and write atomically.
"""

from zzgov.export.csvfiles import to_csv
from zzgov.export.sqlite import to_sqlite
from zzgov.export.tables import SCHEMA, TABLES, build_tables
from zzgov.export.xlsx import to_xlsx

FORMATS = ("sqlite", "xlsx", "csv")

__all__ = ["FORMATS", "SCHEMA", "TABLES", "build_tables", "to_csv", "to_sqlite", "to_xlsx"]
