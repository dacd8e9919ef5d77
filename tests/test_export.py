"""Exports: SQLite with keys and indexes, the xlsx ledger, CSV with BOM; all atomic."""

import csv
import io
import sqlite3

import pytest
from click.testing import CliRunner

from conftest import NOTICE, raw_path, seed_doc
from zzgov.api import parse_text
from zzgov.cli import cli
from zzgov.export import SCHEMA, build_tables, to_csv, to_sqlite, to_xlsx
from zzgov.export.xlsx import HEADER, display_width, sheet_title

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


def test_sqlite_replaces_the_target_atomically(tmp_path):
    doc = parse_text(SNIPPET, kind="notice")
    target = tmp_path / "out.db"
    target.write_text("not a database")
    to_sqlite([doc], target)
    assert sqlite3.connect(target).execute("select count(*) from tasks").fetchone()[0] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["out.db"]


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


def test_xlsx_overview_has_every_task(workbook):
    ws = workbook.worksheets[0]
    assert ws.title == "总台账"
    header = [c.value for c in ws[1]]
    assert tuple(header) == HEADER  # one document with tasks: no 文件 column
    seqs = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    assert seqs == list(range(1, 147))
    assert ws.freeze_panes == "A2"
    assert all(ws.cell(row=r, column=8).value in (None, "") for r in range(2, ws.max_row + 1))  # 进展


def test_xlsx_one_sheet_per_lead_unit(docs, workbook):
    notice = docs[0]
    leads = [u for u in notice.units if u.lead_tasks]
    assert len(workbook.worksheets) == 1 + len(leads)
    ws = workbook["市发展改革委"]
    assert ws.max_row - 1 == 25
    assert all("市发展改革委" in ws.cell(row=r, column=4).value for r in range(2, ws.max_row + 1))


def test_xlsx_wraps_text_and_fits_widths(workbook):
    ws = workbook.worksheets[0]
    task_cell = ws.cell(row=2, column=2)
    assert task_cell.alignment.wrap_text
    width = ws.column_dimensions["B"].width
    assert 20 <= width <= 60
    assert ws.column_dimensions["A"].width < width
    assert ws.row_dimensions[2].height > 15  # a long task takes several lines


def test_xlsx_shows_target_figures_of_a_task(docs, workbook):
    with_figures = {f.task for f in docs[0].figures if f.task is not None and f.kind == "target"}
    if not with_figures:
        pytest.skip("no figures extracted yet")
    ws = workbook.worksheets[0]
    seq = min(with_figures)
    assert ws.cell(row=seq + 1, column=7).value


def test_sheet_titles_are_valid_and_unique():
    used = set()
    long = "郑州市建设黄河流域生态保护和高质量发展核心示范区工作领导小组文化博物旅游组"
    a, b = sheet_title(long, used), sheet_title(long, used)
    assert len(a) <= 31 and len(b) <= 31 and a != b
    assert sheet_title("a/b:c*d?[e]", used) == "a_b_c_d__e_"
    assert display_width("市财政局") == 8 and display_width("PM2.5") == 5


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
