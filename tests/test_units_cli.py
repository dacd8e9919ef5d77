"""`zzgov units` and `zzgov leaders`: rows per document, every --format, JSON input reused."""

import csv
import io
import json

from click.testing import CliRunner

from conftest import NOTICE, raw_path
from zzgov.cli import cli

SNIPPET = ("1. 建设学校。\n责任领导：王明\n牵头单位：市发展和改革委员会\n责任单位：市财政局\n"
           "2. 修建道路。\n责任领导：王明 李红\n牵头单位：郑州市发展改革委\n责任单位：市交通局\n")


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def rows(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_units_merges_spellings_with_lead_and_co_tasks():
    r = run("units", "-", "--format", "jsonl", input=SNIPPET.encode())
    assert r.exit_code == 0
    got = {x["unit"]: x for x in rows(r)}
    assert got["市发展改革委"]["lead_tasks"] == [1, 2]
    assert got["市发展改革委"]["aliases"] == ["市发展和改革委员会", "郑州市发展改革委"]
    assert got["市财政局"]["co_tasks"] == [1] and got["市财政局"]["lead"] == 0
    assert got["市财政局"]["type"] == "department"


def test_leaders_lists_tasks_and_lead_units():
    r = run("leaders", "-", "--format", "json", input=SNIPPET.encode())
    got = {x["leader"]: x for x in json.loads(r.stdout)}
    assert got["王明"]["tasks"] == [1, 2] and got["王明"]["units"] == ["市发展改革委"]
    assert got["李红"]["count"] == 1


def test_units_on_001_csv_and_sorting():
    r = run("units", str(raw_path(NOTICE)), "--format", "csv", "--sort", "lead")
    assert r.exit_code == 0
    table = list(csv.DictReader(io.StringIO(r.stdout)))
    assert table[0]["unit"] == "市发展改革委" and table[0]["lead"] == "25"
    assert [int(x["lead"]) for x in table] == sorted((int(x["lead"]) for x in table), reverse=True)


def test_leaders_on_001():
    got = {x["leader"]: x for x in rows(run("leaders", str(raw_path(NOTICE)), "--format", "jsonl"))}
    assert len(got) == 9
    assert got["吴福民"]["count"] == 46 and got["陈宏伟"]["count"] == 30
    assert got["吴福民"]["units"][0] == "市发展改革委"


def test_units_reads_zzgov_json_output(tmp_path):
    out = tmp_path / "001.json"
    out.write_text(run("parse", str(raw_path(NOTICE))).stdout, encoding="utf-8")
    from_json = rows(run("units", str(out), "--format", "jsonl"))
    from_raw = rows(run("units", str(raw_path(NOTICE)), "--format", "jsonl"))
    assert from_json == from_raw


def test_table_on_a_terminal_and_missing_file_exit_code(tmp_path):
    r = run("units", "-", "--format", "table", input=SNIPPET.encode())
    assert "市财政局" in r.stdout
    r = run("units", str(tmp_path / "missing.txt"), "--format", "jsonl")
    assert r.exit_code == 1
