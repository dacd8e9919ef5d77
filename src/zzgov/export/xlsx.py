"""The xlsx ledger (工作落实台账) a 督查室 keeps: a 总台账 sheet with every task, then one sheet
per unit, lead or co-responsible, with one row per task of that unit and its role (牵头/责任).

Every sheet opens with a title row naming the document (its title and 文号), then the header:
[文件], 序号, [角色], 工作任务, 责任领导, 牵头单位, 责任单位, 完成时限, 指标, 状态, 进展, 备注.
状态 has a drop-down list (data/ledger.yaml: 未启动/推进中/已完成/滞后); 状态, 进展 and 备注
belong to the people who keep the ledger.  A hidden last column, `zzgov_key`, names each row's
document and task (`row_key`), so that exporting again into an existing ledger updates it: zzgov's
columns are rewritten and what people typed in 状态/进展/备注 (and in columns they added) is
kept, matched by document and task; rows and sheets the new export no longer has, and rows
people added, are kept as they were.  A file that exists
but is not a zzgov ledger is refused unless `replace`.

Units go by their canonical names (`zzgov units`).  Text from documents is always stored as a
string cell, never as a formula, whatever it starts with.  Pages print landscape, fitted to
the width, with the title and header rows repeated.  The same input gives the same bytes.

Needs openpyxl (the `xlsx` extra).  The workbook is written to memory and then atomically
to its path.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import io
import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

from zzgov.emit import atomic_write
from zzgov.export.tables import ExportError, canonical_units, leader_names, task_unit_roles, text_cell
from zzgov.models import Document, Figure, Task

DOC_COLUMN = "文件"
ROLE_COLUMN = "角色"
TASK_COLUMNS = ("序号", "工作任务", "责任领导", "牵头单位", "责任单位", "完成时限", "指标")
USER_COLUMNS = ("状态", "进展", "备注")  # the ledger keepers' columns: never overwritten
KEY_COLUMN = "zzgov_key"  # hidden: document and task of the row
# zzgov's columns; any other column of a ledger (USER_COLUMNS, or one people added) is theirs
OWNED_COLUMNS = frozenset((DOC_COLUMN, ROLE_COLUMN, *TASK_COLUMNS, KEY_COLUMN))
ROLE_NAMES = {"lead": "牵头", "co": "责任"}
OVERVIEW_TITLE = "总台账"
TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3
# Widest a column may grow, in Excel width units (a CJK character is 2): 工作任务 wraps at
# about 30 characters, the rest at about 12-15.
MAX_WIDTH = {"工作任务": 60, "指标": 36, "文件": 24}
USER_WIDTH = {"状态": 10, "进展": 30, "备注": 16}  # empty at first: room to write
DEFAULT_MAX_WIDTH = 28
MIN_WIDTH = 6
LINE_HEIGHT = 15.0  # points per wrapped line at the default 11 pt font (CJK glyphs included)
# The 状态 drop-down covers this many rows past the last task, for rows people add.
SPARE_ROWS = 200
# Characters a sheet title may not hold, and its longest length (Excel's rules).
SHEET_TITLE_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})
SHEET_TITLE_MAX = 31
ELLIPSIS = "…"
# Comparators as a ledger reader writes them: 不低于 / 不高于 / 约.
COMPARATOR_PREFIX = {">=": "≥", "<=": "≤", "~": "约", "=": "", "range": ""}


@functools.lru_cache(maxsize=1)
def ledger_vocabulary() -> dict:
    """data/ledger.yaml: the 状态 choices and the words a unit name may be shortened after."""
    from importlib.resources import files

    import yaml

    text = files("zzgov").joinpath("data/ledger.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def statuses() -> list[str]:
    return list(ledger_vocabulary()["statuses"])


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


# ---------------------------------------------------------------- sheet titles

def _word_ends(name: str) -> list[int]:
    """Positions inside `name` where a word ends (after a word of ledger.yaml's word_ends)."""
    cuts = set()
    for w in ledger_vocabulary()["word_ends"]:
        word = w["word"]
        for m in re.finditer(re.escape(word), name):
            if 0 < m.end() < len(name):
                cuts.add(m.end())
    return sorted(cuts)


def shorten(name: str, limit: int = SHEET_TITLE_MAX) -> str:
    """`name` in at most `limit` characters: whole when it fits, else a head and a tail cut
    at word ends around an ellipsis, keeping as much as fits (the longer tail on a tie: it is
    the specific part); cut mid-word only when no word end allows better.

    >>> shorten("郑州市建设黄河流域生态保护和高质量发展核心示范区工作领导小组文化博物旅游组")
    '郑州市建设黄河流域生态保护和高质量发展…领导小组文化博物旅游组'
    """
    if len(name) <= limit:
        return name
    cuts = _word_ends(name)
    best: Optional[tuple[int, int, int, int]] = None  # (kept, tail length, head end, tail start)
    for a in [0, *cuts]:
        for b in [*cuts, len(name)]:
            if b < a:
                continue
            kept = a + len(name) - b
            if kept + len(ELLIPSIS) > limit:
                continue
            cand = (kept, len(name) - b, a, b)
            if best is None or cand[:2] > best[:2]:
                best = cand
    if best is None or best[0] < limit // 2:
        return name[: limit - len(ELLIPSIS)] + ELLIPSIS
    _, _, a, b = best
    return name[:a] + ELLIPSIS + name[b:]


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet title for a unit name (31 characters, no []:*?/\\), shortened
    at word ends (`shorten`)."""
    base = text_cell(name, xlsx=True).translate(SHEET_TITLE_FORBIDDEN).strip("'") or "sheet"
    title = shorten(base)
    n = 1
    while title.lower() in used:
        n += 1
        suffix = f"~{n}"
        title = shorten(base, SHEET_TITLE_MAX - len(suffix)) + suffix
    used.add(title.lower())
    return title


# ---------------------------------------------------------------- the ledger's content

@dataclass
class Sheet:
    """One sheet: its title row, header and rows (values in header order; the key last)."""

    name: str  # 总台账 or the unit's canonical name
    title: str  # the title row's text
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    kept: int = 0  # rows kept from an existing ledger that this export does not have


def _doc_title(d: Document) -> Optional[str]:
    m = d.meta
    if m.title or m.attachment_title or m.column:
        return m.title or m.attachment_title or m.column
    if d.kind == "report" and m.year:
        return f"{m.year}年政府工作报告"
    return None


def doc_label(d: Document) -> str:
    """How the ledger names a document: its 文号, else its title, else its file's name."""
    return d.meta.doc_number or _doc_title(d) or Path(d.source.path).name or d.id


def doc_heading(d: Document) -> str:
    """The title row's naming of a document: `title（文号）`."""
    title, number = _doc_title(d), d.meta.doc_number
    if title and number:
        return f"{title}（{number}）"
    return title or number or Path(d.source.path).name or d.id


def row_key(doc_key: str, task: Task) -> str:
    """`document#task id#text digest`: what an update matches a row by.  A task found again
    under another id (a parser that now sees one more task before it) keeps its row by the
    digest of its text; a task whose text changed never takes over another task's row."""
    digest = hashlib.sha256("".join(task.text.split()).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{doc_key}#{task.id}#{digest}"


def _same_task(key: str) -> tuple[str, str]:
    """(document, text digest) of a row key: the task whatever its id."""
    head, _, digest = key.rpartition("#")
    return head.rpartition("#")[0], digest


def ledger(docs: Sequence[Document]) -> list[Sheet]:
    """The 总台账 and one sheet per unit (order of first appearance, lead or co), built
    from the documents' tasks."""
    from zzgov.export.tables import document_keys

    canonical = canonical_units(docs)
    pairs = [(k, d) for k, d in zip(document_keys(docs), docs) if d.tasks]
    multi = len(pairs) > 1
    lead_in = [DOC_COLUMN] if multi else []
    if not pairs:
        heading = "工作落实台账"
    elif multi:
        heading = f"{doc_heading(pairs[0][1])} 等 {len(pairs)} 份文件 工作落实台账"
    else:
        heading = f"{doc_heading(pairs[0][1])} 工作落实台账"
    overview = Sheet(OVERVIEW_TITLE, heading, [*lead_in, *TASK_COLUMNS, *USER_COLUMNS, KEY_COLUMN])
    units: dict[str, Sheet] = {}
    for key, d in pairs:
        targets: dict[int, list[Figure]] = {}
        for f in d.figures:
            if f.task is not None and f.kind == "target":
                targets.setdefault(f.task, []).append(f)
        for t in d.tasks:
            roles = task_unit_roles(t, canonical)
            lead = "、".join(n for n, role, _ in roles if role == "lead")
            co = "、".join(n for n, role, _ in roles if role == "co") + "".join(t.units_open)
            cells = [t.seq, t.text, "、".join(leader_names(t)), lead, co, "；".join(t.deadlines),
                     "\n".join(figure_text(f) for f in targets.get(t.seq, []))]
            doc_cell = [doc_label(d)] if multi else []
            blank = [""] * len(USER_COLUMNS)
            overview.rows.append([*doc_cell, *cells, *blank, row_key(key, t)])
            for unit, role, _ in roles:
                sheet = units.get(unit)
                if sheet is None:
                    sheet = units[unit] = Sheet(unit, f"{unit} 工作落实台账 · {heading.removesuffix(' 工作落实台账')}",
                                                [*lead_in, TASK_COLUMNS[0], ROLE_COLUMN, *TASK_COLUMNS[1:],
                                                 *USER_COLUMNS, KEY_COLUMN])
                sheet.rows.append([*doc_cell, cells[0], ROLE_NAMES[role], *cells[1:], *blank, row_key(key, t)])
    return [overview, *units.values()]


# ---------------------------------------------------------------- updating an existing ledger

@dataclass
class _Old:
    """What an existing ledger's sheet holds: header and rows by key, in order."""

    title: str
    header: list[str]
    rows: dict[str, list[Any]]


def read_ledger(path: Path) -> dict[str, _Old]:
    """Sheet title -> its contents, for a ledger zzgov wrote; ExportError for anything else."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path)
    except Exception as exc:  # not a zip, not a workbook, damaged
        raise ExportError(f"{path} exists and is not an xlsx workbook ({type(exc).__name__}); "
                          "use --replace to overwrite it") from exc
    out: dict[str, _Old] = {}
    for ws in wb.worksheets:
        header = [c.value for c in ws[HEADER_ROW]] if ws.max_row >= HEADER_ROW else []
        if KEY_COLUMN not in header:
            continue
        k = header.index(KEY_COLUMN)
        rows: dict[str, list[Any]] = {}
        for n, values in enumerate(ws.iter_rows(min_row=FIRST_ROW, values_only=True)):
            values = list(values) + [None] * (len(header) - len(values))
            if values[k]:
                rows.setdefault(str(values[k]), values[: len(header)])
            elif any(v not in (None, "") for v in values):  # a row people added: no key
                rows[f"#added{n}"] = values[: len(header)]
        title = ws.cell(row=TITLE_ROW, column=1).value
        out[ws.title] = _Old(str(title or ws.title), ["" if h is None else str(h) for h in header], rows)
    if not out:
        raise ExportError(f"{path} exists and is not a zzgov ledger (no {KEY_COLUMN} column); "
                          "use --replace to overwrite it")
    return out


def merge(sheets: list[Sheet], titles: list[str], old: dict[str, _Old]) -> list[tuple[str, Sheet]]:
    """The new sheets with what people typed in the old ledger: USER_COLUMNS matched by
    sheet and key; old rows the new sheet lacks, and old sheets, kept at the end."""
    out = []
    for title, sheet in zip(titles, sheets):
        prev = old.pop(title, None)
        if prev is not None:
            _merge_sheet(sheet, prev)
        out.append((title, sheet))
    for title, prev in old.items():  # a unit (or document) this export does not have
        sheet = Sheet(title, prev.title, prev.header, list(prev.rows.values()))
        sheet.kept = len(sheet.rows)
        out.append((title, sheet))
    return out


def _merge_sheet(sheet: Sheet, prev: _Old) -> None:
    where = {h: i for i, h in enumerate(prev.header)}
    added = [h for h in prev.header if h and h not in OWNED_COLUMNS and h not in sheet.header]
    if added:  # columns people added go before the hidden key, with what they hold
        sheet.header[-1:-1] = added
        for row in sheet.rows:
            row[-1:-1] = [None] * len(added)
    key_at = len(sheet.header) - 1
    theirs = [(sheet.header.index(h), where[h]) for h in sheet.header if h not in OWNED_COLUMNS and h in where]
    by_task: dict[tuple[str, str], list[str]] = {}
    for k in prev.rows:
        if k.count("#") >= 2:
            by_task.setdefault(_same_task(k), []).append(k)
    for row in sheet.rows:
        before = prev.rows.pop(row[key_at], None)
        if before is None:  # the same task under another id
            moved = next((k for k in by_task.get(_same_task(row[key_at]), ()) if k in prev.rows), None)
            before = prev.rows.pop(moved) if moved else None
        if before is not None:
            for mine, old in theirs:
                row[mine] = before[old]
    for before in prev.rows.values():  # rows of tasks the new export does not have
        sheet.rows.append([before[where[h]] if h in where else None for h in sheet.header])
        sheet.kept += 1


# ---------------------------------------------------------------- writing

def _set_text(cell, value: Any) -> None:
    """Document text as a string cell: openpyxl would make `=…` a live formula."""
    if isinstance(value, str):
        cell.value = text_cell(value, xlsx=True)
        cell.data_type = "s"
    else:
        cell.value = value


def _fill_sheet(ws, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    header, rows = sheet.header, sheet.rows
    visible = len(header) - 1 if header[-1] == KEY_COLUMN else len(header)
    last = get_column_letter(max(1, visible))
    _set_text(ws.cell(row=TITLE_ROW, column=1), sheet.title)
    ws.cell(row=TITLE_ROW, column=1).font = Font(bold=True, size=14)
    ws.cell(row=TITLE_ROW, column=1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if visible > 1:
        ws.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    ws.row_dimensions[TITLE_ROW].height = 30
    for k, name in enumerate(header, start=1):
        _set_text(ws.cell(row=HEADER_ROW, column=k), name)
    for i, r in enumerate(rows, start=FIRST_ROW):
        for k, v in enumerate(r, start=1):
            if header[k - 1] not in OWNED_COLUMNS:
                ws.cell(row=i, column=k).value = v  # the keepers' own: kept as they typed it
            else:
                _set_text(ws.cell(row=i, column=k), v)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")
    widths = []
    for k, name in enumerate(header):
        cells = [name] + ["" if r[k] is None else r[k] for r in rows]
        natural = max(display_width(line) for c in cells for line in (str(c).split("\n") or [""]))
        width = USER_WIDTH.get(name) or max(MIN_WIDTH, min(MAX_WIDTH.get(name, DEFAULT_MAX_WIDTH), natural + 2))
        widths.append(width)
        ws.column_dimensions[get_column_letter(k + 1)].width = width
    if header[-1] == KEY_COLUMN:
        ws.column_dimensions[get_column_letter(len(header))].hidden = True
    for cell in ws[HEADER_ROW]:
        cell.font, cell.fill, cell.alignment = bold, fill, centre
    for i, r in enumerate(rows, start=FIRST_ROW):
        lines = 1
        for k, v in enumerate(r[:visible]):
            ws.cell(row=i, column=k + 1).alignment = wrap
            text_lines = ("" if v is None else str(v)).split("\n")
            lines = max(lines, sum(max(1, math.ceil(display_width(t) / max(1, widths[k] - 1))) for t in text_lines))
        ws.row_dimensions[i].height = LINE_HEIGHT * lines + 4
    if "状态" in header:
        col = get_column_letter(header.index("状态") + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(statuses()) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="状态", error="请从列表中选择：" + "/".join(statuses()))
        dv.add(f"{col}{FIRST_ROW}:{col}{FIRST_ROW + len(rows) + SPARE_ROWS}")
        ws.add_data_validation(dv)
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(rows)}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{TITLE_ROW}:{HEADER_ROW}"
    ws.print_options.horizontalCentered = True


def _openpyxl():
    try:
        import openpyxl
    except ImportError as exc:  # optional dependency
        raise ExportError("xlsx export needs openpyxl: pip install 'zzgov[xlsx]'") from exc
    return openpyxl


def workbook_bytes(docs: Sequence[Document], old: Optional[dict[str, _Old]] = None) -> tuple[bytes, dict[str, int]]:
    """The ledger as xlsx bytes (updating `old`, an existing ledger's contents) and counts."""
    openpyxl = _openpyxl()
    sheets = ledger(docs)
    used: set[str] = set()
    titles = [sheet_title(s.name, used) for s in sheets]
    placed = merge(sheets, titles, dict(old or {}))
    wb = openpyxl.Workbook()
    first = True
    for title, sheet in placed:
        ws = wb.active if first else wb.create_sheet()
        ws.title = title
        first = False
        _fill_sheet(ws, sheet)
    with_tasks = [d for d in docs if d.tasks]
    wb.properties.title = text_cell((doc_heading(with_tasks[0]) if with_tasks else "") + "工作落实台账", xlsx=True)
    # Same input, same bytes: fixed document dates instead of "now".
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    counts = {"tasks": len(sheets[0].rows), "unit_sheets": len(sheets) - 1,
              "kept_rows": sum(s.kept for _, s in placed)}
    return _normalise_zip(buf.getvalue()), counts


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


def to_xlsx(docs: Sequence[Document], path: str | Path, replace: bool = False) -> dict[str, int]:
    """Write the ledger to `path`, updating the ledger already there (see the module's
    docstring) unless `replace`; counts of tasks, unit sheets and rows kept from before."""
    path = Path(path)
    _openpyxl()
    old = read_ledger(path) if path.exists() and not replace else None
    data, counts = workbook_bytes(docs, old)
    atomic_write(path, data)
    return counts
