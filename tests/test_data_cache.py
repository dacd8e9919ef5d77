"""zzgov.data_cache: a parsed data file kept between runs must be what parsing gives, and a
missing, stale, damaged or unwritable copy must change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from zzgov import data_cache as dc
from zzgov.pattern_cache import ENV_DIR
from zzgov.units import registry


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(ENV_DIR, str(tmp_path))
    return tmp_path


class Counting:
    """yaml.safe_load that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str):
        self.calls += 1
        return yaml.safe_load(text)


TEXT = "rules:\n  - pattern: '^市'  # a comment\n    example: [市财政局, 财政局]\nhome_city: 郑州市\n"


def test_the_second_load_reads_the_kept_copy(folder):
    parse = Counting()
    first = dc.load_parsed("units", TEXT, parse)
    second = dc.load_parsed("units", TEXT, parse)
    assert first == second == yaml.safe_load(TEXT)
    assert parse.calls == 1
    kept = list(folder.glob("units-*.json"))
    assert len(kept) == 1 and json.loads(kept[0].read_text(encoding="utf-8")) == first


def test_an_edited_file_is_parsed_anew(folder):
    parse = Counting()
    dc.load_parsed("units", TEXT, parse)
    edited = TEXT.replace("郑州市", "开封市")
    assert dc.load_parsed("units", edited, parse)["home_city"] == "开封市"
    assert parse.calls == 2
    assert len(list(folder.glob("units-*.json"))) == 2


def test_a_damaged_copy_is_parsed_and_written_again(folder):
    parse = Counting()
    dc.load_parsed("units", TEXT, parse)
    path = Path(dc.cache_file("units", TEXT))
    path.write_text('{"rules": [', encoding="utf-8")
    assert dc.load_parsed("units", TEXT, parse) == yaml.safe_load(TEXT)
    assert parse.calls == 2
    assert json.loads(path.read_text(encoding="utf-8")) == yaml.safe_load(TEXT)


def test_data_json_cannot_hold_is_not_kept(folder):
    """YAML dates (and tuples, non-string keys) would come back from JSON as something else."""
    text = "published: 2021-01-07\n1: one\n"
    parse = Counting()
    for _ in range(2):
        assert dc.load_parsed("dated", text, parse) == yaml.safe_load(text)
    assert parse.calls == 2
    assert not list(folder.glob("dated-*.json"))


def test_the_cache_off_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DIR, "")
    monkeypatch.chdir(tmp_path)
    parse = Counting()
    for _ in range(2):
        assert dc.load_parsed("units", TEXT, parse) == yaml.safe_load(TEXT)
    assert parse.calls == 2
    assert dc.cache_file("units", TEXT) is None
    assert not list(tmp_path.rglob("*.json"))


def test_a_file_in_the_way_of_the_folder_changes_nothing(tmp_path, monkeypatch):
    """A cache folder that cannot be made (a file has its name) is let be: the way to test an
    unwritable folder that works as root too."""
    blocker = tmp_path / "zzgov"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(ENV_DIR, str(blocker))
    parse = Counting()
    assert dc.load_parsed("units", TEXT, parse) == yaml.safe_load(TEXT)
    assert dc.load_parsed("units", TEXT, parse) == yaml.safe_load(TEXT)
    assert parse.calls == 2
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_unit_registry_data_is_the_yaml_file_parsed(folder):
    """The shipped units.yaml survives JSON (so it is kept), and the kept copy is it."""
    text = (Path(registry.__file__).parents[1] / "data" / registry.DATA_FILE).read_text(encoding="utf-8")
    parse = Counting()
    fresh = dc.load_parsed("units", text, parse)
    kept = dc.load_parsed("units", text, parse)
    assert parse.calls == 1
    assert fresh == kept == yaml.safe_load(text)
    assert kept["home_city"] and kept["spelling"] and kept["abbreviation"]
