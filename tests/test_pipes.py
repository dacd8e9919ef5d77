"""zzgov's output piped into zzgov (issue 20): every command that takes documents reads the
records zzgov writes, sniffed by their first bytes or named by --input; source paths that
still lead to the source after `cd`; row output as the JSON-piping tools shape it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import NOTICE, RAW, STRUCTURED, raw_path
from zzgov.cli import cli

REPORT_2020 = "003_99ba95607cb2e136"  # the 2020 work report the notice decomposes
NEWS = "004_66ae2ada72c6f6af"


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def zzgov(*args, input=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "zzgov", *map(str, args)], input=input, capture_output=True,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def records():
    """The notice as zzgov writes it to standard output, in each format."""
    return {fmt: run("parse", raw_path(NOTICE), "--format", fmt).stdout_bytes for fmt in ("json", "jsonl", "yaml")}


def rows(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


# ---- parse | every consumer

def test_a_real_pipe_from_parse_into_units():
    p = subprocess.run(f"{sys.executable} -m zzgov parse {raw_path(NOTICE)} | {sys.executable} -m zzgov units -",
                       shell=True, capture_output=True, timeout=300)
    assert p.returncode == 0, p.stderr
    units = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(units) == 84 and units[0]["unit"]  # was: nothing, exit 0


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml"])
@pytest.mark.parametrize("command", ["units", "leaders", "figures"])
def test_row_commands_read_records_on_stdin_as_they_read_the_text(records, fmt, command):
    from_text = run(command, raw_path(NOTICE), "--format", "jsonl")
    piped = run(command, "-", "--format", "jsonl", input=records[fmt])
    assert piped.exit_code == 0, piped.stderr
    assert piped.stdout == from_text.stdout and len(rows(piped)) >= 9


def test_figures_quotes_come_through_a_pipe(records):
    figures = rows(run("figures", "-", "--format", "jsonl", input=records["json"]))
    assert figures[0]["quote"] == "2.11 万亿元"
    assert all(f["quote"] is not None for f in figures)


def test_link_and_track_read_records_on_stdin(records):
    report = raw_path(REPORT_2020)
    for command in ("link", "track"):
        from_text = run(command, raw_path(NOTICE), report, "--format", "jsonl")
        as_plan = run(command, "-", report, "--format", "jsonl", input=records["jsonl"])
        assert as_plan.exit_code == 0, as_plan.stderr
        assert as_plan.stdout == from_text.stdout and rows(as_plan)
    other = run("parse", report).stdout_bytes
    as_other = run("link", raw_path(NOTICE), "-", "--format", "jsonl", input=other)
    assert as_other.exit_code == 0 and as_other.stdout == run("link", raw_path(NOTICE), report,
                                                               "--format", "jsonl").stdout


def test_export_reads_records_on_stdin(records, tmp_path):
    r = run("export", "-", "--to", "sqlite", tmp_path / "zz.db", input=records["jsonl"])
    assert r.exit_code == 0, r.stderr
    with sqlite3.connect(tmp_path / "zz.db") as db:
        assert db.execute("select count(*) from tasks").fetchone()[0] == 146  # was 0


def test_report_reads_records_on_stdin(records, tmp_path):
    out = tmp_path / "r.html"
    r = run("report", "-", "-o", out, input=records["yaml"])
    assert r.exit_code == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert "共 146 项任务" in page  # was 0 tasks
    assert "source text of" not in r.stderr  # the source was found through source.path


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_validate_reads_records_on_stdin(records, fmt):
    r = run("validate", "-", input=records[fmt])
    assert r.exit_code == 0 and r.stdout == ""


def test_parse_reads_its_own_records_back_unchanged(records):
    again = run("parse", "-", input=records["json"])
    assert again.exit_code == 0 and again.stdout_bytes == records["json"]  # was: re-parsed as a notice
    as_yaml = run("parse", "-", "--format", "yaml", input=records["json"])
    assert as_yaml.stdout_bytes == records["yaml"]
    several = run("parse", RAW).stdout_bytes
    assert run("parse", "-", input=several).stdout_bytes == several  # JSON lines stay JSON lines


def test_parse_writes_one_file_per_record_under_o(tmp_path):
    several = run("parse", RAW).stdout_bytes
    r = run("parse", "-", "-o", tmp_path / "out", input=several)
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.stem + ".json" for p in RAW.glob("*.txt"))


def test_input_option_overrides_the_sniff(records, tmp_path):
    as_text = run("parse", "-", "--input", "text", input=records["json"])
    assert as_text.exit_code == 0 and json.loads(as_text.stdout)["tasks"] == []  # parsed as prose
    r = run("units", "-", "--input", "json", input=raw_path(NOTICE).read_bytes())
    assert r.exit_code == 1 and "invalid JSON" in r.stderr
    # a record file whose name says nothing
    f = tmp_path / "notice.out"
    f.write_bytes(records["yaml"])
    assert rows(run("units", f, "--format", "jsonl")) == rows(run("units", raw_path(NOTICE), "--format", "jsonl"))


def test_prose_that_opens_like_json_is_still_prose():
    from zzgov.inputs import sniff

    assert sniff("【郑州】{一}关于…".encode()) == "text"
    assert sniff("[打印本页] 郑州市人民政府".encode()) == "text"
    assert sniff(b"kind of a title: not a record") == "text"
    assert sniff(b"\xef\xbb\xbf\n  [\n {\"id\": 1}]") == "json"
    assert sniff(b"%YAML 1.1\n---\n# a comment\nid: x\n") == "yaml"


# ---- errors name the record and the field

def test_a_bad_record_is_reported_by_record_and_field_and_the_rest_go_on(records):
    good = json.loads(records["json"])
    bad = json.loads(records["json"])
    bad["id"] = "broken"
    bad["tasks"][4]["seq"] = "five"
    del bad["figures"][0]["kind"]
    stream = (json.dumps(bad, ensure_ascii=False) + "\n" + json.dumps(good, ensure_ascii=False) + "\n").encode()
    r = run("units", "-", "--format", "jsonl", input=stream)
    assert r.exit_code == 1
    assert "zzgov: error: -: line 1 tasks.4.seq: Input should be a valid integer" in r.stderr, r.stderr
    assert "zzgov: error: -: line 1 figures.0.kind: Field required" in r.stderr
    assert len(rows(r)) == 84  # the good record's units
    p = run("parse", "-", input=stream)
    assert p.exit_code == 1 and "-: line 1 " in p.stderr and "more; `zzgov validate` lists them" in p.stderr
    assert p.stdout == ""  # parse writes a record input whole or not at all


def test_validate_on_a_raw_text_says_it_is_not_a_record():
    r = run("validate", raw_path(NOTICE))
    assert r.exit_code == 1
    assert r.stdout.startswith(f"{raw_path(NOTICE)}: file: not a zzgov record")  # was a YAML error
    assert "zzgov parse FILE" in r.stdout
    # prose YAML would read as a mapping is still prose: a record opens with an ASCII field
    titled = run("validate", "-", input="标题: 关于做好重点工作的通知\n各区县：\n".encode())
    assert titled.exit_code == 1 and "file: not a zzgov record" in titled.stdout


# ---- track with its arguments swapped

def test_track_with_swapped_arguments_says_what_is_wrong():
    r = run("track", raw_path(NEWS), raw_path(NOTICE))
    assert r.exit_code == 1  # was: nothing, exit 0
    assert "no target figures to track (the plan comes first: zzgov track PLAN RESULTS...)" in r.stderr
    plan_only = run("track", raw_path(NOTICE), raw_path("002_dd6a1c3c8da025d0"))
    assert plan_only.exit_code == 0  # a report with targets and actuals is a fine results document


def test_track_says_when_a_results_document_has_no_actuals(tmp_path):
    empty = tmp_path / "results.txt"
    empty.write_text("2020年工作安排\n一、加强管理。\n", encoding="utf-8")
    r = run("track", raw_path(NOTICE), empty)
    assert r.exit_code == 1 and "no actual figures to compare" in r.stderr


# ---- source.path after cd

def test_sources_are_found_from_another_directory(tmp_path):
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    (work / "raw").mkdir(parents=True)
    elsewhere.mkdir()
    src = work / "raw" / "notice.txt"
    src.write_bytes(raw_path(NOTICE).read_bytes())
    assert zzgov("parse", "raw", "-o", "out", cwd=work).returncode == 0
    stdout = zzgov("parse", "raw/notice.txt", cwd=work).stdout
    (work / "stdout.json").write_bytes(stdout)
    assert json.loads((work / "out" / "notice.json").read_bytes())["source"]["path"] == "../raw/notice.txt"
    assert json.loads(stdout)["source"]["path"] == str(src)
    for record in (work / "out" / "notice.json", work / "stdout.json"):
        p = zzgov("figures", record, "--format", "jsonl", "--columns", "quote", cwd=elsewhere)
        assert p.returncode == 0, p.stderr
        quotes = [json.loads(line)["quote"] for line in p.stdout.splitlines()]
        assert quotes[0] == "2.11 万亿元" and None not in quotes  # was: every quote lost
        p = zzgov("report", record, "-o", "r.html", cwd=elsewhere)
        assert p.returncode == 0 and b"not found" not in p.stderr, p.stderr
    # the same command in the same place: the same bytes
    assert zzgov("parse", "raw/notice.txt", cwd=work).stdout == stdout


def test_the_committed_records_lead_to_their_sources_from_anywhere(tmp_path):
    p = zzgov("figures", STRUCTURED / f"{NOTICE}.json", "--format", "jsonl", "--columns", "quote", cwd=tmp_path)
    quotes = [json.loads(line)["quote"] for line in p.stdout.splitlines()]
    assert quotes and None not in quotes
    record = json.loads((STRUCTURED / f"{NOTICE}.json").read_text(encoding="utf-8"))
    assert record["source"]["path"] == f"../raw/{NOTICE}.txt"  # no machine's directory in the repository


def test_records_moved_with_their_sources_still_find_them(tmp_path):
    (tmp_path / "a" / "raw").mkdir(parents=True)
    (tmp_path / "a" / "raw" / "notice.txt").write_bytes(raw_path(NOTICE).read_bytes())
    run("parse", tmp_path / "a" / "raw", "-o", tmp_path / "a" / "json")
    os.rename(tmp_path / "a", tmp_path / "b")
    figures = rows(run("figures", tmp_path / "b" / "json", "--format", "jsonl", "--columns", "quote"))
    assert figures and None not in [f["quote"] for f in figures]


def test_a_source_with_nothing_in_common_but_the_root_is_named_absolutely(tmp_path):
    run("parse", raw_path(NOTICE), "-o", tmp_path / "out")
    record = json.loads((tmp_path / "out" / f"{NOTICE}.json").read_text(encoding="utf-8"))
    if os.path.commonpath([str(tmp_path), str(RAW)]) == "/":
        assert record["source"]["path"] == str(raw_path(NOTICE))  # not ../../../…
    else:
        assert os.path.normpath(tmp_path / "out" / record["source"]["path"]) == str(raw_path(NOTICE))


# ---- row output conventions

def test_columns_choose_and_order_columns_in_every_format():
    args = ("figures", raw_path(NOTICE), "--columns", "metric,amount,kind")
    csv = run(*args, "--format", "csv").stdout.splitlines()
    assert csv[0] == "metric,amount,kind" and csv[1] == "省市重点项目总投资,2.11万亿元,target"
    assert rows(run(*args, "--format", "jsonl"))[0] == {"metric": "省市重点项目总投资", "amount": "2.11万亿元",
                                                        "kind": "target"}
    table = run(*args, "--format", "table").stdout
    assert "amount" in table and "quote" not in table
    bad = run("units", raw_path(NOTICE), "--columns", "unit,nope")
    assert bad.exit_code == 2 and "no column nope; the columns are " in bad.stderr


def test_figures_table_is_compact_and_machine_formats_carry_every_column():
    table = run("figures", raw_path(NOTICE), "--format", "table").stdout
    header = next(line for line in table.splitlines() if "metric" in line)
    assert [h.strip() for h in header.strip("┃│ ").replace("┃", "│").split("│")] == [
        "document", "metric", "amount", "kind", "quote"]
    first = rows(run("figures", raw_path(NOTICE), "--format", "jsonl"))[0]
    assert first["normalized_value"] == 2110000000000 and first["normalized_unit"] == "元"
    assert "normalized" not in first  # flattened, as in the SQLite export


def test_tsv_and_no_headers():
    tsv = run("units", raw_path(NOTICE), "--tsv").stdout.splitlines()
    assert tsv[0].split("\t")[0] == "unit" and len(tsv) == 85
    bare = run("units", raw_path(NOTICE), "--tsv", "--no-headers").stdout.splitlines()
    assert bare == tsv[1:]
    assert run("units", raw_path(NOTICE), "--csv", "--no-headers").stdout.splitlines()[0].startswith(
        bare[0].split("\t")[0] + ",")
    clash = run("units", raw_path(NOTICE), "--tsv", "--format", "json")
    assert clash.exit_code == 2 and "disagree" in clash.stderr


def test_an_export_of_saved_records_names_the_source_absolutely(tmp_path):
    """data/structured holds ../raw/… (relative to the record); the database is elsewhere."""
    r = run("export", STRUCTURED / f"{NOTICE}.json", "--to", "sqlite", tmp_path / "zz.db")
    assert r.exit_code == 0, r.stderr
    with sqlite3.connect(tmp_path / "zz.db") as db:
        [(path,)] = db.execute("select source_path from documents").fetchall()
    assert path == str(raw_path(NOTICE))
