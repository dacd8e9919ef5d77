"""The xlsx ledger (工作落实台账) a 督查室 hands out: an overview sheet with every task, then one
sheet per lead unit with the tasks it leads.

Columns: 序号, 工作任务, 责任领导, 牵头单位, 责任单位, 完成时限, 指标, 进展 (left empty for the
unit to fill), preceded by 文件 when several documents have tasks.  Text wraps, the header row
is frozen and filterable, column widths fit their contents (up to a cap) and row heights fit
the wrapped text, so the file reads the same in Excel and LibreOffice.

Needs openpyxl (the `xlsx` extra).  The workbook is written to memory and then atomically
to its path.
"""

from __future__ import annotations

import datetime
import io
import math
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Sequence

from zzgov.emit import atomic_write
from zzgov.export.tables import canonical_units, leader_names, task_unit_roles
from zzgov.models import Document, Figure, Task

HEADER = ("序号", "工作任务", "责任领导", "牵头单位", "责任单位", "完成时限", "指标", "进展")
DOC_COLUMN = "文件"
OVERVIEW_TITLE = "总台账"
# Widest a column may grow, in Excel width units (a CJK character is 2): 工作任务 wraps at
# about 30 characters, the rest at about 12-15.
MAX_WIDTH = {"工作任务": 60, "指标": 36, "进展": 30, "文件": 24}
DEFAULT_MAX_WIDTH = 28
MIN_WIDTH = 6
PROGRESS_WIDTH = 30  # 进展 is empty: leave the unit room to write
LINE_HEIGHT = 15.0  # points per wrapped line at the default 11 pt font (CJK glyphs included)
# Characters a sheet title may not hold, and its longest length (Excel's rules).
SHEET_TITLE_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})
SHEET_TITLE_MAX = 31
# Comparators as a ledger reader writes them: 不低于 / 不高于 / 约.
COMPARATOR_PREFIX = {">=": "≥", "<=": "≤", "~": "约", "=": "", "range": ""}


def display_width(s: str) -> int:
    """Width in Excel units: CJK (wide / full-width) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def figure_text(f: Figure) -> str:
    """A target as one ledger line: `新增城镇就业 11.4万人`, `PM2.5浓度 ≤56微克/立方米`."""
    value = _number(f.value)
    if f.comparator == "range" and f.value_max is not None:
        value = f"{value}–{_number(f.value_max)}"
    direction = {"up": "增长", "down": "下降"}.get(f.direction or "", "")
    amount = f"{COMPARATOR_PREFIX.get(f.comparator, '')}{direction}{value}{f.unit}"
    return f"{f.metric} {amount}" if f.metric else amount


def task_row(task: Task, canonical: dict[str, str], figures: Sequence[Figure]) -> list[str]:
    roles = task_unit_roles(task, canonical)
    lead = [n for n, role, _ in roles if role == "lead"]
    co = [n for n, role, _ in roles if role == "co"]
    co_text = "、".join(co) + "".join(task.units_open)
    return [
        str(task.seq),
        task.text,
        "、".join(leader_names(task)),
        "、".join(lead),
        co_text,
        "；".join(task.deadlines),
        "\n".join(figure_text(f) for f in figures),
        "",
    ]


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet title for a unit name (31 characters, no []:*?/\\)."""
    base = name.translate(SHEET_TITLE_FORBIDDEN).strip("'") or "sheet"
    title = base[:SHEET_TITLE_MAX]
    n = 1
    while title.lower() in used:
        n += 1
        suffix = f"~{n}"
        title = base[: SHEET_TITLE_MAX - len(suffix)] + suffix
    used.add(title.lower())
    return title


def ledger_rows(docs: Sequence[Document]) -> tuple[list[str], list[tuple[list[str], list[str]]]]:
    """(header, [(row, lead units)]) for every task of every document, in order."""
    canonical = canonical_units(docs)
    with_tasks = [d for d in docs if d.tasks]
    header = list(HEADER) if len(with_tasks) <= 1 else [DOC_COLUMN, *HEADER]
    out = []
    for d in with_tasks:
        targets: dict[int, list[Figure]] = {}
        for f in d.figures:
            if f.task is not None and f.kind == "target":
                targets.setdefault(f.task, []).append(f)
        for t in d.tasks:
            row = task_row(t, canonical, targets.get(t.seq, []))
            if len(header) > len(HEADER):
                row = [d.id, *row]
            leads = [n for n, role, _ in task_unit_roles(t, canonical) if role == "lead"]
            out.append((row, leads))
    return header, out


def _fill_sheet(ws, header: list[str], rows: list[list[str]]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(header)
    for r in rows:
        ws.append([int(v) if k == header.index("序号") and v.isdigit() else v for k, v in enumerate(r)])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")
    widths = []
    for k, name in enumerate(header):
        cells = [name] + [r[k] for r in rows]
        natural = max(display_width(line) for c in cells for line in (str(c).split("\n") or [""]))
        cap = MAX_WIDTH.get(name, DEFAULT_MAX_WIDTH)
        width = PROGRESS_WIDTH if name == "进展" else max(MIN_WIDTH, min(cap, natural + 2))
        widths.append(width)
        ws.column_dimensions[get_column_letter(k + 1)].width = width
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment = bold, fill, centre
    for i, r in enumerate(rows, start=2):
        lines = 1
        for k, v in enumerate(r):
            ws.cell(row=i, column=k + 1).alignment = wrap
            text_lines = str(v).split("\n")
            lines = max(lines, sum(max(1, math.ceil(display_width(t) / max(1, widths[k] - 1))) for t in text_lines))
        ws.row_dimensions[i].height = LINE_HEIGHT * lines + 4
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"


def workbook_bytes(docs: Sequence[Document]) -> bytes:
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # optional dependency
        raise RuntimeError("xlsx export needs openpyxl: pip install 'openpyxl>=3.1'") from exc

    header, rows = ledger_rows(docs)
    wb = Workbook()
    ws = wb.active
    used: set[str] = set()
    ws.title = sheet_title(OVERVIEW_TITLE, used)
    _fill_sheet(ws, header, [r for r, _ in rows])
    by_unit: dict[str, list[list[str]]] = {}
    for row, leads in rows:
        for unit in leads:
            by_unit.setdefault(unit, []).append(row)
    for unit, unit_rows in by_unit.items():  # order of first appearance as lead unit
        _fill_sheet(wb.create_sheet(sheet_title(unit, used)), header, unit_rows)
    titles = [d.meta.title for d in docs if d.tasks and d.meta.title]
    wb.properties.title = (titles[0] if titles else "") + "工作落实台账"
    # Same input, same bytes: fixed document dates instead of "now".
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return _normalise_zip(buf.getvalue())


# The time stamped into the workbook's properties and zip entries (an xlsx is a zip file);
# the DOS epoch, so that nothing in the file depends on when it was written.
FIXED_TIME = datetime.datetime(1980, 1, 1)


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the zip with every entry's timestamp fixed, in the same order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps `modified` with the save time whatever the properties say
                data = _MODIFIED.sub(rb"\g<1>1980-01-01T00:00:00Z\g<2>", data)
            dst.writestr(fixed, data)
    return out.getvalue()


def to_xlsx(docs: Sequence[Document], path: str | Path) -> dict[str, int]:
    """Write the ledger to `path`; counts of tasks and unit sheets."""
    header, rows = ledger_rows(docs)
    atomic_write(Path(path), workbook_bytes(docs))
    units = {u for _, leads in rows for u in leads}
    return {"tasks": len(rows), "unit_sheets": len(units)}
