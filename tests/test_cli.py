"""The command line as the contract describes it: formats, stdin, -o, exit codes, errors."""

import json
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner

from conftest import NOTICE, RAW, raw_path
from zzgov.cli import cli

NOTICE_SNIPPET = "1. 建设学校。\n责任领导：王明\n牵头单位：市教育局\n责任单位：市财政局\n"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def zzgov(*args, input=None):
    """The installed entry point in a real process (for pipes and stderr)."""
    return subprocess.run([sys.executable, "-m", "zzgov", *args], input=input, capture_output=True)


def test_parse_one_file_prints_one_json_document():
    r = run("parse", str(raw_path(NOTICE)))
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["id"] == NOTICE and len(doc["tasks"]) == 146


def test_parse_directory_prints_one_json_line_per_file_in_path_order():
    r = run("parse", str(RAW))
    assert r.exit_code == 0
    ids = [json.loads(line)["id"] for line in r.stdout.splitlines()]
    assert ids == sorted(p.stem for p in RAW.glob("*.txt"))


def test_yaml_output_loads_to_the_same_data_as_json():
    j = json.loads(run("parse", str(raw_path(NOTICE))).stdout)
    y = yaml.safe_load(run("parse", str(raw_path(NOTICE)), "--format", "yaml").stdout)
    assert y == j


def test_stdin_dash_and_no_path():
    for args in (("parse", "-"), ("parse",)):
        r = run(*args, "--kind", "notice", input=NOTICE_SNIPPET.encode())
        assert r.exit_code == 0
        doc = json.loads(r.stdout)
        assert doc["tasks"][0]["lead_units"] == ["市教育局"]
        assert doc["id"] == "stdin"


def test_output_dir_gets_one_file_per_input(tmp_path):
    r = run("parse", str(RAW), "-o", str(tmp_path / "out"), "--format", "jsonl")
    assert r.exit_code == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(p.stem + ".jsonl" for p in RAW.glob("*.txt"))


def test_kind_override():
    doc = json.loads(run("parse", str(raw_path(NOTICE)), "--kind", "unknown").stdout)
    assert doc["kind"] == "unknown" and doc["tasks"] == []
    assert any("kind" in w for w in doc["warnings"])


def test_a_bad_file_in_a_batch_is_reported_and_the_rest_written(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(NOTICE_SNIPPET, encoding="utf-8")
    (src / "b.bin").write_bytes(bytes(range(256)) * 4)
    (src / "c.txt").write_text(NOTICE_SNIPPET, encoding="gb18030")
    p = zzgov("parse", str(src), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"))
    assert p.returncode == 1
    assert sorted(x.name for x in (tmp_path / "out").iterdir()) == ["a.json", "c.json"]
    err = p.stderr.decode().strip().splitlines()
    assert len(err) == 2 and all(line.startswith("zzgov: error: ") for line in err)
    assert any("b.bin: binary" in line for line in err) and any("missing.txt" in line for line in err)
    assert b"Traceback" not in p.stderr


def test_usage_error_exits_2():
    assert zzgov("parse", "--format", "xml").returncode == 2
    assert zzgov("nonsense").returncode == 2


def test_broken_pipe_ends_quietly():
    p = subprocess.run(f"{sys.executable} -m zzgov parse {RAW} | head -c 10", shell=True, capture_output=True)
    assert p.returncode == 0 and len(p.stdout) == 10
    assert b"Traceback" not in p.stderr and b"Error" not in p.stderr


def test_same_input_gives_byte_identical_output():
    a = zzgov("parse", str(RAW)).stdout
    b = zzgov("parse", str(RAW), "--jobs", "2").stdout
    assert a == b and a


def test_schema_is_the_document_json_schema():
    s = json.loads(run("schema").stdout)
    assert s["title"] == "Document"
    assert {"tasks", "figures", "sections", "meta", "source"} <= set(s["properties"])


def test_validate_accepts_every_parse_output(tmp_path):
    for fmt in ("json", "jsonl", "yaml"):
        out = tmp_path / fmt
        assert run("parse", str(RAW), "-o", str(out), "--format", fmt).exit_code == 0
        r = run("validate", *map(str, sorted(out.iterdir())))
        assert r.exit_code == 0, r.stdout
    stream = tmp_path / "all.jsonl"
    stream.write_text(run("parse", str(RAW)).stdout, encoding="utf-8")
    assert run("validate", str(stream)).exit_code == 0


def test_validate_rejects_a_damaged_record_with_a_located_message(tmp_path):
    doc = json.loads(run("parse", str(raw_path(NOTICE))).stdout)
    doc["tasks"][4]["seq"] = "five"
    doc["tasks"][5]["span"] = {"start": 10, "end": 5}
    doc["figures"] = [{"id": "f1"}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    p = zzgov("validate", str(bad))
    assert p.returncode == 1
    out = p.stdout.decode()
    assert f"{bad}: #1 tasks.4.seq:" in out
    assert "tasks.5.span" in out and "figures.0.value" in out
    assert b"Traceback" not in p.stderr


def test_validate_names_unknown_keys_alike_in_every_record(tmp_path):
    doc = json.loads(run("parse", str(raw_path(NOTICE))).stdout)
    doc["meta"]["colour"] = "red"  # a model record
    doc["figures"][0]["colour"] = "red"  # dataclass records
    doc["tasks"][0]["span"]["colour"] = "red"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = run("validate", str(bad))
    assert r.exit_code == 1
    for where in ("meta.colour", "figures.0.colour", "tasks.0.span.colour"):
        assert f"#1 {where}: Extra inputs are not permitted" in r.stdout, r.stdout


def test_validate_names_a_record_that_is_not_an_object_alike_in_every_record(tmp_path):
    doc = json.loads(run("parse", str(raw_path(NOTICE))).stdout)
    doc["source"] = 5  # a model record
    doc["figures"][0]["span"] = 5  # dataclass records
    doc["tasks"][1] = "a task"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = run("validate", str(bad))
    assert r.exit_code == 1
    for where, record in (("source", "Source"), ("figures.0.span", "Span"), ("tasks.1", "Task")):
        assert f"#1 {where}: Input should be a valid dictionary or instance of {record}" in r.stdout, r.stdout


@pytest.mark.parametrize(
    "content, where",
    [('{"id": "x",\n  "kind": }', "line 2 column"), ("a: [1, 2\nb: 3\n", "line"), ("", "empty")],
)
def test_validate_reports_syntax_errors_with_line_and_column(tmp_path, content, where):
    f = tmp_path / "broken.txt"
    f.write_text(content, encoding="utf-8")
    r = run("validate", str(f))
    assert r.exit_code == 1 and where in r.stdout


def test_validate_loads_yaml_safely(tmp_path):
    f = tmp_path / "evil.yaml"
    marker = tmp_path / "pwned"
    f.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    r = run("validate", str(f))
    assert r.exit_code == 1 and not marker.exists()


def test_readme_shows_every_command():
    """The README's command list is checked against the CLI, so the two cannot drift."""
    from conftest import ROOT
    from zzgov.cli import cli as group

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    import click

    for name in group.list_commands(click.Context(group)):
        assert f"zzgov {name}" in readme, name


def test_help_lists_every_command_with_its_own_short_help_without_importing_it():
    import click

    from zzgov.cli import cli as group

    out = run("--help").stdout
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        first_words = cmd.get_short_help_str(200).split("...")[0][:20]
        assert any(line.strip().startswith(name) and first_words in line for line in out.splitlines()), name
    p = subprocess.run([sys.executable, "-c", "import sys; from zzgov.cli import main; sys.argv=['zzgov','--help']\n"
                        "try:\n    main()\nexcept SystemExit:\n    pass\n"
                        "print(sorted(m for m in sys.modules if m.startswith('zzgov.commands.')))"],
                       capture_output=True, text=True)
    assert p.stdout.strip().endswith("[]"), p.stdout[-200:]
