"""zzgov.pattern_cache: compiled `re` patterns kept between runs must be the patterns
`re.compile` gives, and a missing, damaged or unwritable cache must change nothing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import RAW
from zzgov import pattern_cache as pc

pytestmark = pytest.mark.skipif(pc._ENGINE is None, reason="no CPython pattern internals here")

ROOT = Path(__file__).resolve().parents[1]


def _run_cli(cache_dir: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, **{pc.ENV_DIR: cache_dir})
    return subprocess.run([sys.executable, "-m", "zzgov", *args], env=env, capture_output=True, check=True)


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    """A cache folder after one run over the seeds (every parser's patterns)."""
    folder = tmp_path_factory.mktemp("cache")
    _run_cli(str(folder), "parse", str(RAW), "-o", str(folder / "out"), "--format", "jsonl")
    return folder


def _cache_file(folder: Path, engine: str = "re") -> Path:
    """The one cache file of an engine ("re" or "regex") in a cache folder."""
    files = list(folder.glob(f"{engine}-*.json"))
    assert len(files) == 1
    return files[0]


def test_a_run_keeps_the_compiled_patterns(filled):
    entries = json.loads(_cache_file(filled).read_text(encoding="utf-8"))
    assert len(entries) > 50
    # the Han class spelled out for re is there: the costliest patterns to compile
    from zzgov.text.script import HAN

    assert any(HAN in key for key in entries)


def test_a_pattern_from_the_cache_is_the_pattern_re_compiles(filled):
    """Each kept entry rebuilds a pattern with the same groups and flags that finds exactly
    what re.compile's finds, on every seed text."""
    import _sre

    entries = json.loads(_cache_file(filled).read_text(encoding="utf-8"))
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    for key, (flags_out, code, groups, groupindex, indexgroup) in entries.items():
        flags, pattern = key.split("/", 1)
        plain = re.compile(pattern, int(flags))
        cached = _sre.compile(pattern, flags_out, code, groups, groupindex, tuple(indexgroup))
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == \
            (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        for t in texts:
            assert [m.span() for m in cached.finditer(t)] == [m.span() for m in plain.finditer(t)], key[:80]


def test_the_same_output_with_and_without_the_cache(filled, tmp_path):
    warm = _run_cli(str(filled), "parse", str(RAW), "--format", "jsonl").stdout
    off = _run_cli("", "parse", str(RAW), "--format", "jsonl").stdout
    assert warm == off and warm.count(b"\n") == len(list(RAW.glob("*.txt")))


def test_a_warm_run_takes_its_patterns_from_the_cache(filled):
    code = ("import zzgov.api, zzgov.parsers.notice, zzgov.parsers.report, zzgov.parsers.news\n"
            "from zzgov import pattern_cache as pc\n"
            "print(pc._store.hits, len(pc._store.missing), pc._regex_store.hits, len(pc._regex_store.missing))")
    env = dict(os.environ, **{pc.ENV_DIR: str(filled)})
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    hits, missing, regex_hits, regex_missing = map(int, out.split())
    assert hits > 50 and missing == 0
    assert regex_hits > 50 and regex_missing == 0


def test_no_cache_folder_when_turned_off(tmp_path):
    env = dict(os.environ, **{pc.ENV_DIR: ""}, XDG_CACHE_HOME=str(tmp_path / "xdg"), HOME=str(tmp_path / "home"))
    subprocess.run([sys.executable, "-m", "zzgov", "parse", str(RAW), "-o", str(tmp_path / "out")],
                   env=env, capture_output=True, check=True)
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


@pytest.mark.parametrize("damage", ["not json", "[1, 2]", '{"0/x": [1]}', '{"0/[a-z]+": [32, [1, 2, 3], 0, {}, []]}'])
def test_a_damaged_cache_file_is_ignored_and_rewritten(filled, tmp_path, damage):
    folder = tmp_path / "cache"
    folder.mkdir()
    target = folder / _cache_file(filled).name  # the file this interpreter reads
    target.write_text(damage, encoding="utf-8")
    out = _run_cli(str(folder), "parse", str(RAW), "--format", "jsonl").stdout
    assert out == _run_cli("", "parse", str(RAW), "--format", "jsonl").stdout
    assert len(json.loads(target.read_text(encoding="utf-8"))) > 50  # rewritten whole


def test_a_damaged_entry_falls_back_to_compiling(monkeypatch):
    monkeypatch.setattr(pc._store, "entries", {"0/[a-z]+x": [32, [999999], 0, {}, []]})
    monkeypatch.setattr(pc._store, "path", None)
    p = pc.compile_cached("[a-z]+x")
    assert p.findall("ab1cdx") == ["cdx"]


def test_an_unwritable_cache_folder_changes_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    out = _run_cli(str(blocker / "cache"), "parse", str(RAW), "--format", "jsonl")
    assert out.returncode == 0 and not out.stderr


def test_entry_for_refuses_what_it_cannot_rebuild():
    assert pc.entry_for("[a-z]+(", 0) is None  # not a pattern
    entry = pc.entry_for(r"(?P<n>\d+)年", 0)
    assert entry is not None and entry[3] == {"n": 1}


# ---- the `regex` module's patterns ----

def test_a_run_keeps_the_regex_patterns(filled):
    entries = json.loads(_cache_file(filled, "regex").read_text(encoding="utf-8"))
    assert len(entries) > 50
    assert any(r"\p{Han}" in key for key in entries)


def test_a_regex_pattern_from_the_cache_is_the_pattern_regex_compiles(filled):
    """Each kept entry rebuilds a pattern with the same groups and flags that finds exactly
    what regex.compile's finds, on every seed text."""
    import regex

    entries = json.loads(_cache_file(filled, "regex").read_text(encoding="utf-8"))
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    for key, entry in entries.items():
        flags, version, pattern = key.split("/", 2)
        assert int(version) == int(regex.DEFAULT_VERSION)
        plain = regex.compile(pattern, int(flags))
        cached = pc.regex_from_entry(pattern, entry)
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == \
            (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        for t in texts:
            assert [m.span() for m in cached.finditer(t)] == [m.span() for m in plain.finditer(t)], key[:80]


def test_a_damaged_regex_entry_falls_back_to_compiling(monkeypatch):
    key = pc._regex_key(r"[a-z]+x", 0)
    monkeypatch.setattr(pc._regex_store, "entries", {key: [32, "not code", {}, [], 0, [], 0, 1]})
    monkeypatch.setattr(pc._regex_store, "path", None)
    hits = pc._regex_store.hits
    p = pc.compile_regex_cached(r"[a-z]+x")
    assert p.findall("ab1cdx") == ["cdx"]
    assert pc._regex_store.hits == hits  # refused, compiled anew


def test_regex_entry_for_refuses_what_it_cannot_rebuild():
    assert pc.regex_entry_for("[a-z]+(", 0) is None  # not a pattern
    assert pc.regex_entry_for(r"\L<words>", 0) is None  # a named list (needs its words)
    entry = pc.regex_entry_for(r"(?P<n>\d+)年(?<=\p{Han})", 0)
    assert entry is not None and entry[2] == {"n": 1}
    assert pc.regex_from_entry(r"(?P<n>\d+)年(?<=\p{Han})", entry).search("共12年").group("n") == "12"


def test_the_regex_default_version_is_part_of_the_key(monkeypatch):
    """A program that sets regex.DEFAULT_VERSION reads patterns another way: its entries
    must not be another version's."""
    import regex

    before = pc._regex_key("a+", 0)
    monkeypatch.setattr(regex, "DEFAULT_VERSION", regex.VERSION1)
    assert pc._regex_key("a+", 0) != before
