"""The data cache (zzgov.datacache): a hit gives back exactly what was built, and whatever
lies where an entry should be (truncated, flipped, foreign, a FIFO, a link to /dev/zero, a
folder, too big) is a miss that builds the data again, never an error, a hang or another answer."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from zzgov import datacache

DATA = {"rules": [{"name": "x", "pattern": "^(?:责任|牵头)领导[:：]", "examples": ["责任领导：王明"]}],
        "weights": [1, 2.5, -0.0, True, None], "words": {"chrome": ["打印本页", "关闭窗口"]}}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ZZGOV_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(autouse=True)
def _no_hang():
    """A read that blocked (a FIFO opened without O_NONBLOCK) fails the test, not the suite."""
    if not hasattr(signal, "alarm"):
        yield
        return
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the cache read hung"))
    signal.alarm(20)
    yield
    signal.alarm(0)


class Builder:
    def __init__(self, data=DATA):
        self.data, self.calls = data, 0

    def __call__(self):
        self.calls += 1
        return self.data


def _entry(folder: Path) -> Path:
    (entry,) = [p for p in folder.iterdir() if p.name.startswith("t-")]
    return entry


def test_an_entry_is_built_once_and_read_back_as_built(folder):
    build = Builder()
    assert datacache.load("t", [b"source"], build) == DATA and build.calls == 1
    again = Builder()
    got = datacache.load("t", [b"source"], again)
    assert got == DATA and again.calls == 0
    assert repr(got) == repr(DATA)  # the same types and key order, -0.0 and True included
    assert datacache.load("t", [b"source", b"another"], again) == DATA and again.calls == 1  # other sources miss


def _truncate(p: Path):
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


def _flip(p: Path):
    raw = bytearray(p.read_bytes())
    raw[-3] ^= 0x01
    p.write_bytes(bytes(raw))


def _wrong_shape(p: Path):  # valid JSON, no digest
    p.write_text('{"rules": 5, "words": null}')


def _forged_header(p: Path):  # a header of the right form over another payload
    header, _, payload = p.read_bytes().partition(b"\n")
    p.write_bytes(header + b"\n" + payload.replace(b"chrome", b"chromE"))


def _fifo(p: Path):
    p.unlink()
    os.mkfifo(p)


def _dev_zero(p: Path):
    p.unlink()
    p.symlink_to("/dev/zero")


def _folder(p: Path):
    p.unlink()
    p.mkdir()


def _too_big(p: Path):
    with open(p, "r+b") as fh:
        fh.truncate(datacache.MAX_BYTES + 1)


DAMAGE = [_truncate, _flip, _wrong_shape, _forged_header, _fifo, _dev_zero, _folder, _too_big,
          lambda p: p.write_bytes(b""), lambda p: p.write_bytes(os.urandom(4096))]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks")
@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
def test_a_damaged_entry_is_a_miss_and_is_written_again(folder, damage):
    datacache.load("t", [b"source"], Builder())
    damage(_entry(folder))
    build = Builder()
    assert datacache.load("t", [b"source"], build) == DATA and build.calls == 1
    if _entry(folder).is_file() and not _entry(folder).is_symlink():  # a folder in its place stays
        again = Builder()
        assert datacache.load("t", [b"source"], again) == DATA and again.calls == 0


@pytest.mark.parametrize("data", [("a", "b"), {1: "a"}, {"d": float("nan")}, [__import__("datetime").date(2024, 1, 1)],
                                  {"s": "\ud800"}])
def test_data_json_would_not_give_back_exactly_is_built_every_time(folder, data):
    build = Builder(data)
    assert datacache.load("t", [b"source"], build) is data
    assert not folder.exists() or not any(folder.iterdir())


def test_no_usable_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ZZGOV_CACHE_DIR", str(blocker / "cache"))
    assert datacache.load("t", [b"source"], Builder()) == DATA
    monkeypatch.setenv("ZZGOV_CACHE_DIR", "")  # set but empty: no cache at all
    assert datacache.cache_dir() is None
    build = Builder()
    datacache.load("t", [b"source"], build)
    datacache.load("t", [b"source"], build)
    assert build.calls == 2


def test_the_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("ZZGOV_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert datacache.cache_dir() == str(tmp_path / "xdg" / "zzgov")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert datacache.cache_dir() == str(tmp_path / "home" / ".cache" / "zzgov")


def test_the_rule_and_unit_files_read_through_the_cache_are_the_files_parsed(folder):
    """Cold, warm and with the cache off, the parsed YAML is the same, type for type."""
    import yaml

    from zzgov import rules
    from zzgov.units import registry

    root = Path(rules.__file__).parent / "data"
    direct = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "rules").glob("*.yaml"))}
    units = yaml.safe_load((root / "units.yaml").read_text(encoding="utf-8"))
    for _ in ("cold", "warm"):
        assert repr(rules._parsed_files.__wrapped__()) == repr(direct)
        assert repr(registry.registry_data.__wrapped__()) == repr(units)
    assert {p.name.split("-")[0] for p in folder.iterdir()} == {"rules", "units"}


def test_the_traditional_table_read_through_the_cache_is_the_one_built(folder):
    import importlib

    clean = importlib.import_module("zzgov.text.clean")
    from importlib import resources

    raw = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_bytes()
    built = clean._chains_resolved(raw.decode("utf-8"))
    assert built["責"] == "责" and built["頭"] == "头"
    for _ in ("cold", "warm"):
        assert clean._traditional_to_simplified() == built
    assert any(p.name.startswith("trad-") for p in folder.iterdir())
