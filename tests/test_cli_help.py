"""Help that stays true: every command's --help ends with examples whose options parse, and
the README's CLI reference is what --help prints today."""

from __future__ import annotations

import glob
import shlex
import shutil
import subprocess
import sys

import click
import pytest

from conftest import ROOT
from zzgov.cli import cli, examples

SCRIPT = ROOT / "scripts" / "cli_reference.py"


def zzgov_invocations(line: str) -> list[list[str]]:
    """The argument lists of each `zzgov …` stage of a shell pipeline (redirections dropped)."""
    out = []
    for stage in line.split("|"):
        words = shlex.split(stage)
        if not words or words[0] != "zzgov":
            continue
        if ">" in words:
            words = words[: words.index(">")]
        args = []
        for w in words[1:]:
            found = sorted(glob.glob(w)) if any(c in w for c in "*?[") else []
            args.extend(found or [w])
        out.append(args)
    return out


def all_commands() -> list[str]:
    return cli.list_commands(click.Context(cli))


def test_every_command_has_examples():
    table = examples()
    assert sorted(table) == all_commands()
    for name in all_commands():
        assert table[name], name
        for ex in table[name]:
            assert ex["does"].strip() and f"zzgov {name}" in ex["cmd"]


@pytest.mark.parametrize("name", all_commands())
def test_the_examples_options_parse(name, monkeypatch):
    """Each example, run through click's parser from the repository's folder: a renamed
    option, a wrong choice or a missing argument fails here."""
    monkeypatch.chdir(ROOT)
    if name == "eval" and not (ROOT.parent / "shared" / "gold").is_dir():
        pytest.skip("../shared is not beside the repository")
    for ex in examples()[name]:
        for args in zzgov_invocations(ex["cmd"]):
            top = click.Context(cli, info_name="zzgov", **cli.context_settings)  # -h as well
            cmd = cli.get_command(top, args[0])
            assert cmd is not None, ex["cmd"]
            cmd.make_context(args[0], args[1:], parent=top)  # raises on a usage error


def test_help_ends_with_the_examples():
    from click.testing import CliRunner

    out = CliRunner().invoke(cli, ["units", "--help"]).output
    tail = out[out.index("Examples:"):]
    assert "zzgov units data/raw/001*.txt --sort lead" in tail
    assert CliRunner().invoke(cli, ["parse", "-h"]).output.count("Examples:") == 1


def test_the_readme_cli_reference_is_fresh():
    p = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr


def test_a_stale_reference_is_caught(tmp_path):
    readme = tmp_path / "README.md"
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    readme.write_text(text.replace("Show tracebacks for errors.", "Show tracebacks.", 1), encoding="utf-8")
    p = subprocess.run([sys.executable, str(SCRIPT), "--check", "--readme", str(readme)], capture_output=True, text=True)
    assert p.returncode == 1 and "stale; run `make readme`" in p.stderr
    subprocess.run([sys.executable, str(SCRIPT), "--readme", str(readme)], check=True)
    assert readme.read_text(encoding="utf-8") == text


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_installs_only_what_running_needs(tmp_path):
    venv = f"VENV={tmp_path / 'venv'}"
    run = subprocess.run(["make", "-n", "run", venv], cwd=ROOT, capture_output=True, text=True).stdout
    test = subprocess.run(["make", "-n", "test", venv], cwd=ROOT, capture_output=True, text=True).stdout
    assert "pip install" in run and "-e ." in run and "[test]" not in run
    assert "'.[test]'" in test
