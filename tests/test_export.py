"""Exports: SQLite with keys and indexes, the xlsx ledger, CSV with BOM; all atomic."""

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import NOTICE, raw_path, seed_doc
from zzgov.api import parse_text
from zzgov.cli import cli
from zzgov.export import SCHEMA, ExportError, build_tables, to_csv, to_sqlite, to_xlsx
from zzgov.export.xlsx import (FIRST_ROW, HEADER_ROW, KEY_COLUMN, TASK_COLUMNS, USER_COLUMNS, display_width,
                               ledger_vocabulary, sheet_title)

REPORT = "003_99ba95607cb2e136"
NEWS = "004_66ae2ada72c6f6af"
SNIPPET = ("1. 建设学校。\n责任领导：王明\n牵头单位：市发展和改革委员会\n责任单位：市财政局、市教育局等有关部门\n"
           "完成时限：2020年12月底\n2. 修建道路。\n责任领导：李红\n牵头单位：市发展改革委\n")


@pytest.fixture(scope="module")
def docs():
    return [seed_doc(s) for s in (NOTICE, REPORT, NEWS)]


@pytest.fixture(scope="module")
def db(docs, tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "ledger.db"
    to_sqlite(docs, path)
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def test_sqlite_holds_every_task_and_figure(docs, db):
    assert db.execute("select count(*) from tasks").fetchone()[0] == 146
    assert db.execute("select count(*) from documents").fetchone()[0] == 3
    assert db.execute("select count(*) from figures").fetchone()[0] == sum(len(d.figures) for d in docs)
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_sqlite_answers_what_a_unit_leads(docs, db):
    notice = docs[0]
    for unit in ("市商务局", "市发展改革委"):
        got = [seq for (seq,) in db.execute(
            "select t.seq from tasks t join task_units u on u.document = t.document and u.task = t.id "
            "where u.unit = ? and u.role = 'lead' order by t.seq", (unit,))]
        want = next(u.lead_tasks for u in notice.units if u.name == unit)
        assert got == sorted(want)
    assert len(got) == 25


def test_sqlite_keeps_spellings_and_leaders(db):
    written = {w for (w,) in db.execute("select written from task_units where unit = '市发展改革委'")}
    assert written == {"市发展改革委", "市发展和改革委员会"}
    counts = dict(db.execute("select leader, count(*) from task_leaders group by leader"))
    assert len(counts) == 9 and counts["吴福民"] == 46 and counts["陈宏伟"] == 30


def test_sqlite_schema_has_keys_and_indexes(db):
    for table in SCHEMA:
        info = db.execute(f"pragma table_info({table.name})").fetchall()
        pk = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
        assert tuple(pk) == table.primary_key
    fks = db.execute("pragma foreign_key_list(task_units)").fetchall()
    assert {row[2] for row in fks} == {"tasks", "units"}
    indexes = {row[1] for row in db.execute("pragma index_list(task_units)")}
    assert "idx_task_units_unit_role" in indexes


def test_figures_point_at_their_tasks(docs, db):
    rows = db.execute("select f.task_seq, t.seq from figures f join tasks t "
                      "on t.document = f.document and t.id = f.task").fetchall()
    assert all(a == b for a, b in rows)
    assert len(rows) == sum(1 for f in docs[0].figures if f.task is not None)


def test_sqlite_refuses_a_file_that_is_not_a_database_unless_replace(tmp_path):
    doc = parse_text(SNIPPET, kind="notice")
    target = tmp_path / "out.db"
    target.write_text("not a database")
    with pytest.raises(ExportError, match="not an SQLite database"):
        to_sqlite([doc], target)
    assert target.read_text() == "not a database"
    to_sqlite([doc], target, replace=True)
    assert sqlite3.connect(target).execute("select count(*) from tasks").fetchone()[0] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["out.db"]  # atomic: no temporary left


def test_sqlite_updates_an_existing_database_by_key_and_keeps_other_tables(tmp_path):
    """As sqlite-utils does: the user's tables and other documents stay; a document exported
    again replaces its own rows (no duplicates, no stale tasks)."""
    target = tmp_path / "ledger.db"
    conn = sqlite3.connect(target)
    conn.execute("create table notes (task text, note text)")
    conn.execute("insert into notes values ('t1', '已督办')")
    conn.commit()
    conn.close()
    first = parse_text(SNIPPET, kind="notice", doc_id="a")
    other = parse_text("1. 修建道路。\n责任领导：李红\n牵头单位：郑州市交通运输局\n", kind="notice", doc_id="b")
    to_sqlite([first, other], target)
    shorter = parse_text(SNIPPET.split("2. ")[0], kind="notice", doc_id="a")  # `a` again, one task fewer
    to_sqlite([shorter], target)
    db = sqlite3.connect(target)
    assert db.execute("select * from notes").fetchall() == [("t1", "已督办")]
    assert db.execute("select document, count(*) from tasks group by document").fetchall() == [("a", 1), ("b", 1)]
    assert db.execute("select count(*) from documents").fetchone()[0] == 2
    assert db.execute("pragma foreign_key_check").fetchall() == []
    aliases = json.loads(db.execute("select aliases from units where name = '市发展改革委'").fetchone()[0])
    assert aliases == ["市发展和改革委员会"]  # gathered across exports
    assert {u for (u,) in db.execute("select name from units")} >= {"市交通局", "市财政局"}  # canonical names
    to_sqlite([shorter], target, replace=True)
    db = sqlite3.connect(target)
    assert db.execute("select name from sqlite_master where name = 'notes'").fetchall() == []
    assert db.execute("select count(*) from tasks").fetchone()[0] == 1


def test_sqlite_refuses_tables_of_its_names_with_other_columns(tmp_path):
    target = tmp_path / "theirs.db"
    conn = sqlite3.connect(target)
    conn.execute("create table tasks (id integer, title text)")
    conn.commit()
    conn.close()
    with pytest.raises(ExportError, match="table tasks has other columns"):
        to_sqlite([parse_text(SNIPPET, kind="notice")], target)
    assert sqlite3.connect(target).execute("pragma table_info(tasks)").fetchall()[1][1] == "title"


def test_tables_follow_the_schema_columns():
    doc = parse_text(SNIPPET, kind="notice")
    rows = build_tables([doc, doc])
    assert [r[0] for r in rows["documents"]] == ["stdin", "stdin~2"]
    for table in SCHEMA:
        assert all(len(r) == len(table.columns) for r in rows[table.name])
    roles = [(r[2], r[3], r[5]) for r in rows["task_units"] if r[0] == "stdin"]
    assert roles == [("市发展改革委", "lead", "市发展和改革委员会"), ("市财政局", "co", "市财政局"),
                     ("市教育局", "co", "市教育局"), ("市发展改革委", "lead", "市发展改革委")]


# --- xlsx ledger ---

@pytest.fixture(scope="module")
def workbook(docs, tmp_path_factory):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path_factory.mktemp("xlsx") / "ledger.xlsx"
    to_xlsx(docs, path)
    return openpyxl.load_workbook(path)


def header(ws):
    return [c.value for c in ws[HEADER_ROW]]


def column(ws, name):
    k = header(ws).index(name) + 1
    return [ws.cell(row=r, column=k).value for r in range(FIRST_ROW, ws.max_row + 1)]


def test_xlsx_is_byte_identical_for_the_same_input(docs, tmp_path):
    """Nothing in the file depends on when it was written: fixed zip entry times and
    document dates (openpyxl would stamp the save time), so two exports are equal."""
    pytest.importorskip("openpyxl")
    import zipfile

    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    to_xlsx(docs, a)
    with zipfile.ZipFile(a) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "1980-01-01T00:00:00Z</dcterms:modified>" in core
    to_xlsx(docs, b)
    assert a.read_bytes() == b.read_bytes()


def test_xlsx_overview_has_every_task_a_title_row_and_the_keepers_columns(docs, workbook):
    ws = workbook.worksheets[0]
    assert ws.title == "总台账"
    notice = docs[0]
    title = ws.cell(row=1, column=1).value
    assert notice.meta.title in title and notice.meta.doc_number in title and NOTICE not in title
    assert header(ws) == [*TASK_COLUMNS, *USER_COLUMNS, KEY_COLUMN]  # one document: no 文件 column
    assert column(ws, "序号") == list(range(1, 147))
    assert ws.freeze_panes == "A3"
    assert all(v in (None, "") for name in USER_COLUMNS for v in column(ws, name))
    key_letter = ws.cell(row=HEADER_ROW, column=len(header(ws))).column_letter
    assert ws.column_dimensions[key_letter].hidden
    assert column(ws, KEY_COLUMN)[0].startswith(f"{NOTICE}#{notice.tasks[0].id}#")


def test_xlsx_status_drop_down_and_print_set_up(workbook):
    for ws in workbook.worksheets[:3]:
        status = ws.cell(row=HEADER_ROW, column=header(ws).index("状态") + 1).column_letter
        lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
        assert len(lists) == 1 and lists[0].formula1 == '"未启动,推进中,已完成,滞后"'
        assert str(lists[0].sqref).startswith(f"{status}3:{status}")
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$2"


def test_xlsx_one_sheet_per_unit_lead_or_co_with_its_role(docs, workbook):
    from zzgov.summaries import unit_summary

    notice = docs[0]
    units = unit_summary(notice.tasks)
    assert len(workbook.worksheets) == 1 + len(units)  # co-responsible units get a sheet too
    for name in ("市发展改革委", "市财政局"):
        u = next(u for u in units if u.name == name)
        ws = workbook[name]
        want = {s: "牵头" for s in u.lead_tasks} | {s: "责任" for s in u.co_tasks if s not in u.lead_tasks}
        assert dict(zip(column(ws, "序号"), column(ws, "角色"))) == want
        assert len(column(ws, "序号")) == len(want)
        assert name in ws.cell(row=1, column=1).value
    assert set(column(workbook["市财政局"], "角色")) == {"牵头", "责任"}


def test_xlsx_wraps_text_and_fits_widths(workbook):
    ws = workbook.worksheets[0]
    task_cell = ws.cell(row=FIRST_ROW, column=2)
    assert task_cell.alignment.wrap_text
    width = ws.column_dimensions["B"].width
    assert 20 <= width <= 60
    assert ws.column_dimensions["A"].width < width
    assert ws.row_dimensions[FIRST_ROW].height > 15  # a long task takes several lines


def test_xlsx_shows_target_figures_of_a_task(docs, workbook):
    with_figures = {f.task for f in docs[0].figures if f.task is not None and f.kind == "target"}
    ws = workbook.worksheets[0]
    seq = min(with_figures)
    assert column(ws, "指标")[seq - 1]


def test_sheet_titles_are_valid_unique_and_cut_at_word_ends():
    used = set()
    long = "郑州市建设黄河流域生态保护和高质量发展核心示范区工作领导小组文化博物旅游组"
    a, b = sheet_title(long, used), sheet_title(long, used)
    assert len(a) <= 31 and len(b) <= 31 and a != b
    assert a == "郑州市建设黄河流域生态保护和高质量发展…领导小组文化博物旅游组"
    assert b.endswith("~2") and "…" in b
    assert sheet_title("a/b:c*d?[e]", used) == "a_b_c_d__e_"
    assert sheet_title("市财政局", used) == "市财政局"
    assert display_width("市财政局") == 8 and display_width("PM2.5") == 5


def test_ledger_vocabulary_examples_hold():
    vocab = ledger_vocabulary()
    assert vocab["statuses"] == ["未启动", "推进中", "已完成", "滞后"]
    for w in vocab["word_ends"]:
        assert w["word"] in w["example"], w


def _typed(path, entries):
    """Type into the ledger at `path` as a person would: {(sheet, 序号): {column: value}}."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    for (sheet, seq), values in entries.items():
        ws = wb[sheet]
        row = FIRST_ROW + column(ws, "序号").index(seq)
        for name, value in values.items():
            ws.cell(row=row, column=header(ws).index(name) + 1).value = value
    wb.save(path)


def test_xlsx_update_keeps_what_people_typed_matched_by_document_and_task(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    a = parse_text(SNIPPET, kind="notice", doc_id="a")
    b = parse_text("1. 修建道路。\n责任领导：李红\n牵头单位：市财政局\n", kind="notice", doc_id="b")
    path = tmp_path / "台账.xlsx"
    to_xlsx([a], path)
    _typed(path, {("总台账", 1): {"状态": "推进中", "进展": "已完成选址", "备注": "=A1 是人写的"},
                  ("市财政局", 1): {"进展": "资金已拨付"}})
    # Exported again with another document first: the rows move, what was typed follows its task.
    counts = to_xlsx([b, a], path)
    wb = openpyxl.load_workbook(path)
    ws = wb["总台账"]
    rows = {k.rpartition("#")[0]: i for i, k in enumerate(column(ws, KEY_COLUMN))}
    i = rows[f"a#{a.tasks[0].id}"]
    assert (column(ws, "状态")[i], column(ws, "进展")[i], column(ws, "备注")[i]) == ("推进中", "已完成选址", "=A1 是人写的")
    assert column(ws, "进展")[rows[f"b#{b.tasks[0].id}"]] in (None, "")
    fin = wb["市财政局"]
    by_key = dict(zip((k.rpartition("#")[0] for k in column(fin, KEY_COLUMN)), column(fin, "进展")))
    assert by_key[f"a#{a.tasks[0].id}"] == "资金已拨付" and by_key[f"b#{b.tasks[0].id}"] in (None, "")
    assert counts["kept_rows"] == 0
    # Exported again without `a`: its rows and what was typed there stay in the ledger.
    counts = to_xlsx([b], path)
    ws = openpyxl.load_workbook(path)["总台账"]
    assert "已完成选址" in column(ws, "进展") and counts["kept_rows"] > 0
    # --replace starts over.
    to_xlsx([b], path, replace=True)
    assert "已完成选址" not in column(openpyxl.load_workbook(path)["总台账"], "进展")


def test_xlsx_refuses_a_file_that_is_not_a_zzgov_ledger(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    doc = parse_text(SNIPPET, kind="notice")
    theirs = tmp_path / "theirs.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "别人的表"
    wb.save(theirs)
    before = theirs.read_bytes()
    with pytest.raises(ExportError, match="not a zzgov ledger"):
        to_xlsx([doc], theirs)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("hello")
    with pytest.raises(ExportError, match="not an xlsx workbook"):
        to_xlsx([doc], junk)
    assert theirs.read_bytes() == before and junk.read_text() == "hello"
    to_xlsx([doc], theirs, replace=True)
    assert openpyxl.load_workbook(theirs).worksheets[0].title == "总台账"


# --- CSV ---

def test_csv_one_file_per_table_with_bom(docs, tmp_path):
    to_csv(docs, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t.name}.csv" for t in SCHEMA)
    raw = (tmp_path / "tasks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 146 and rows[0]["seq"] == "1"
    assert "市发展改革委" in (tmp_path / "units.csv").read_text(encoding="utf-8-sig")


# --- CLI ---

def test_export_command_writes_each_format(tmp_path):
    runner = CliRunner()
    src = str(raw_path(NOTICE))
    r = runner.invoke(cli, ["export", src, "--to", "sqlite", str(tmp_path / "a.db")], catch_exceptions=False)
    assert r.exit_code == 0 and "146 tasks" in r.stderr
    r = runner.invoke(cli, ["export", src, "--to", "csv", str(tmp_path / "csv")], catch_exceptions=False)
    assert r.exit_code == 0 and (tmp_path / "csv" / "task_units.csv").exists()
    r = runner.invoke(cli, ["export", src, "--to", "pdf", str(tmp_path / "x")])
    assert r.exit_code == 2


def test_exports_and_the_report_import_summaries_never_api():
    """Layering (issue 17): domain summaries live in zzgov.summaries; the writers and the
    report never reach back into the library entry points, and track_adapter is gone."""
    import ast
    from pathlib import Path

    import zzgov

    root = Path(zzgov.__file__).parent
    assert not (root / "report_html" / "track_adapter.py").exists()
    for folder in ("export", "report_html"):
        for path in sorted((root / folder).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                assert not any(n == "zzgov.api" or n.startswith("zzgov.api.") for n in names), path
                assert "importlib" not in names, path


def test_sqlite_update_of_a_database_in_wal_mode_held_open_elsewhere(tmp_path):
    """The renamed copy must not meet the old file's write-ahead log: another program's
    idle connection (journal_mode=wal) does not lose its table nor hide the export's."""
    target = tmp_path / "wal.db"
    theirs = sqlite3.connect(target)
    theirs.execute("pragma journal_mode=wal")
    theirs.execute("create table notes (note text)")
    theirs.execute("insert into notes values ('已督办')")
    theirs.commit()
    assert (tmp_path / "wal.db-wal").stat().st_size > 0
    to_sqlite([parse_text(SNIPPET, kind="notice")], target)
    for _ in range(2):  # while their connection is open, and after it closed
        db = sqlite3.connect(target)
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert db.execute("select note from notes").fetchall() == [("已督办",)]
        assert db.execute("select count(*) from tasks").fetchone()[0] == 2
        db.close()
        theirs.close()


def test_xlsx_update_keeps_columns_and_rows_people_added(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    doc = parse_text(SNIPPET, kind="notice", doc_id="a")
    path = tmp_path / "台账.xlsx"
    to_xlsx([doc], path)
    wb = openpyxl.load_workbook(path)
    ws = wb["总台账"]
    extra = len(header(ws))  # a column of their own after the hidden key
    ws.cell(row=HEADER_ROW, column=extra + 1).value = "联系人"
    ws.cell(row=FIRST_ROW, column=extra + 1).value = "张三 67180000"
    ws.cell(row=ws.max_row + 1, column=2).value = "会上新增：整治背街小巷"  # a row of their own
    wb.save(path)
    to_xlsx([doc], path)
    ws = openpyxl.load_workbook(path)["总台账"]
    assert "联系人" in header(ws) and header(ws)[-1] == KEY_COLUMN
    assert column(ws, "联系人")[0] == "张三 67180000"
    assert column(ws, "工作任务")[-1] == "会上新增：整治背街小巷"
    assert column(ws, "序号")[:2] == [1, 2]


def test_xlsx_update_follows_a_task_to_its_new_id_and_never_gives_its_row_to_another(tmp_path):
    """A parser that now finds one more task before it: what was typed follows the task's
    text; a task whose text changed does not inherit another's row, and the old row stays."""
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "台账.xlsx"
    to_xlsx([parse_text(SNIPPET, kind="notice", doc_id="a")], path)
    _typed(path, {("总台账", 1): {"进展": "选址完成"}, ("总台账", 2): {"进展": "道路已通车"}})
    again = ("1. 新增一项任务。\n责任领导：王明\n牵头单位：市教育局\n"
             + SNIPPET.replace("1. 建设学校。", "2. 建设学校和幼儿园。").replace("2. 修建道路。", "3. 修建道路。"))
    doc = parse_text(again, kind="notice", doc_id="a")
    assert [t.seq for t in doc.tasks] == [1, 2, 3]
    counts = to_xlsx([doc], path)
    ws = openpyxl.load_workbook(path)["总台账"]
    progress = dict(zip(column(ws, "工作任务"), column(ws, "进展")))
    assert progress["修建道路。"] == "道路已通车"  # t2 -> t3, same text
    assert progress["新增一项任务。"] in (None, "") and progress["建设学校和幼儿园。"] in (None, "")
    assert column(ws, "工作任务")[-1] == "建设学校。" and column(ws, "进展")[-1] == "选址完成"  # kept apart
    assert counts["kept_rows"] >= 1


def test_export_command_refuses_what_it_did_not_write_unless_replace(tmp_path):
    pytest.importorskip("openpyxl")
    runner = CliRunner()
    src = str(raw_path(NOTICE))
    for fmt in ("sqlite", "xlsx"):
        target = tmp_path / f"notes.{fmt}"
        target.write_text("a user's own notes", encoding="utf-8")
        r = runner.invoke(cli, ["export", src, "--to", fmt, str(target)])
        assert r.exit_code == 1 and "--replace" in r.stderr and r.stderr.count("\n") == 1, r.stderr
        assert target.read_text(encoding="utf-8") == "a user's own notes"
        r = runner.invoke(cli, ["export", src, "--to", fmt, str(target), "--replace"])
        assert r.exit_code == 0, r.stderr
        assert target.read_bytes()[:4] in (b"SQLi", b"PK\x03\x04")
