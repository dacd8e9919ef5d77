"""Hostile input: encodings, damaged files, odd names, safe and deterministic output (issue 7).

Every hostile input must give either valid JSON (with `warnings`) or one line on stderr and
exit 1: never a traceback, never a hang.  The CLI runs in real processes with a timeout, so a
crash, a segfault or a hang fails the test instead of stopping the suite.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import NOTICE, RAW, raw_path
from zzgov.text import clean, fold
from zzgov.validate import validate_text

NEWS = "004_66ae2ada72c6f6af"
REPORT = "003_99ba95607cb2e136"
SNIPPET = "1. 建设学校。\n责任领导：王明\n牵头单位：市教育局\n责任单位：市财政局\n"
TIMEOUT = 30  # seconds; a normal parse of the largest case here takes well under 2


def zzgov(*args, input: bytes | None = None, timeout: float = TIMEOUT, env: dict | None = None, cwd=None):
    """zzgov in a real process; a hang fails the test with a clear message."""
    full_env = {**os.environ, **(env or {})}
    try:
        return subprocess.run([sys.executable, "-m", "zzgov", *map(str, args)], input=input,
                              capture_output=True, timeout=timeout, env=full_env, cwd=cwd)
    except subprocess.TimeoutExpired:
        pytest.fail(f"zzgov {' '.join(map(str, args))[:200]} did not finish within {timeout}s (hang)")


def strict_json(data: bytes):
    """JSON as the RFC has it: NaN / Infinity are not JSON."""

    def refuse(c):
        raise AssertionError(f"{c} in JSON output")

    return json.loads(data, parse_constant=refuse)


def assert_no_traceback(p) -> None:
    assert p.returncode >= 0, f"killed by signal {-p.returncode}"
    assert b"Traceback" not in p.stderr, p.stderr.decode(errors="replace")[-2000:]


def assert_one_line_error(p, *fragments: str) -> str:
    assert_no_traceback(p)
    assert p.returncode == 1, p.stderr.decode(errors="replace")
    lines = p.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("zzgov: error: "), lines
    for frag in fragments:
        assert frag in lines[0]
    return lines[0]


def assert_valid_document(p) -> dict:
    assert_no_traceback(p)
    assert p.returncode == 0, p.stderr.decode(errors="replace")
    doc = strict_json(p.stdout)
    count, problems = validate_text("stdout", p.stdout.decode())
    assert count == 1 and problems == [], [str(x) for x in problems]
    return doc


def assert_json_or_one_line_error(p):
    """The contract for hostile input: a valid document or a one-line error, exit 1."""
    if p.returncode == 0:
        return assert_valid_document(p)
    assert_one_line_error(p)
    assert p.stdout == b""
    return None


# ---------------------------------------------------------------------------------------
# One document, every encoding


VARIANTS = {
    # name: (bytes from the UTF-8 text, codec to decode them independently of zzgov)
    "utf8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf8_bom": (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    "utf16_le_bom": (lambda t: t.encode("utf-16"), "utf-16"),  # BOM + native order (LE here)
    "utf16_be_bom": (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    "gb18030": (lambda t: t.encode("gb18030"), "gb18030"),
    "crlf": (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    "crlf_gb18030": (lambda t: t.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
    "crlf_utf16": (lambda t: t.replace("\n", "\r\n").encode("utf-16"), "utf-16"),
    "cr": (lambda t: t.replace("\n", "\r").encode("utf-8"), "utf-8"),
}
CONTENT = ("kind", "meta", "sections", "tasks", "figures", "leaders", "units", "warnings")


def without_spans(x):
    if isinstance(x, dict):
        return {k: without_spans(v) for k, v in x.items() if k not in ("span", "spans", "metric_span")}
    if isinstance(x, list):
        return [without_spans(v) for v in x]
    return x


def spanned(doc: dict):
    """(where, record) for every record with a span."""
    for key in ("sections", "tasks", "figures"):
        for k, r in enumerate(doc[key]):
            yield f"{key}.{k}", r
    for k, r in enumerate(doc["meta"].get("requirements", [])):
        yield f"meta.requirements.{k}", r


def one_line_ends(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture(scope="module")
def encoded_runs(tmp_path_factory):
    """Every variant of a notice, a news article and a report, parsed in one run with -o."""
    base = tmp_path_factory.mktemp("encodings")
    src, out = base / "in", base / "out"
    src.mkdir()
    texts = {}
    for stem in (NOTICE, NEWS, REPORT):
        text = raw_path(stem).read_text(encoding="utf-8")
        for name, (encode, codec) in VARIANTS.items():
            data = encode(text)
            (src / f"{stem}.{name}.txt").write_bytes(data)
            texts[(stem, name)] = data.decode(codec)
    p = zzgov("parse", src, "-o", out, timeout=120)
    assert_no_traceback(p)
    assert p.returncode == 0, p.stderr.decode()
    docs = {key: json.loads((out / f"{key[0]}.{key[1]}.json").read_text(encoding="utf-8")) for key in texts}
    return texts, docs


@pytest.mark.parametrize("stem", [NOTICE, NEWS, REPORT])
@pytest.mark.parametrize("variant", [v for v in VARIANTS if v != "utf8"])
def test_every_encoding_gives_the_same_records(encoded_runs, stem, variant):
    texts, docs = encoded_runs
    base, doc = docs[(stem, "utf8")], docs[(stem, variant)]
    for key in CONTENT:
        assert without_spans(doc[key]) == without_spans(base[key]), f"{variant}: {key} differ"
    assert doc["source"]["chars"] == len(texts[(stem, variant)])
    if stem == NOTICE:
        assert len(doc["tasks"]) == 146 and doc["sections"] and doc["meta"]["doc_number"]


@pytest.mark.parametrize("stem", [NOTICE, NEWS, REPORT])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_spans_slice_the_same_text_in_each_files_own_decoding(encoded_runs, stem, variant):
    texts, docs = encoded_runs
    base_text, text = texts[(stem, "utf8")], texts[(stem, variant)]
    base, doc = docs[(stem, "utf8")], docs[(stem, variant)]
    for (where, r), (_, b) in zip(spanned(doc), spanned(base)):
        s, e = r["span"]["start"], r["span"]["end"]
        assert 0 <= s <= e <= len(text), f"{variant} {where}: span outside the text"
        want = base_text[b["span"]["start"]:b["span"]["end"]]
        assert one_line_ends(text[s:e]) == want, f"{variant} {where}: {text[s:e]!r} != {want!r}"


@pytest.mark.parametrize("stem", [NOTICE, NEWS, REPORT])
def test_spans_point_at_their_records(encoded_runs, stem):
    """In the baseline itself: a task span starts with its number, a section span with its
    marker, a figure span shows its value."""
    from test_properties import numbers_written

    texts, docs = encoded_runs
    text, doc = texts[(stem, "utf8")], docs[(stem, "utf8")]
    for t in doc["tasks"]:
        assert fold(text[t["span"]["start"]:t["span"]["end"]]).startswith(str(t["seq"])), t["id"]
    for sec in doc["sections"]:
        head = fold(text[sec["span"]["start"]:sec["span"]["end"]])
        assert head.startswith(fold(sec["label"])) or fold(sec["label"]) in head[:40], sec["id"]
    for f in doc["figures"]:
        shown = numbers_written(clean(text, f["span"]["start"], f["span"]["end"]).folded)
        assert any(abs(v - f["value"]) <= 1e-9 * max(1, abs(v)) for v in shown), f["id"]


def test_utf16_without_bom_is_read_too(tmp_path):
    text = raw_path(NOTICE).read_text(encoding="utf-8")
    for codec in ("utf-16-le", "utf-16-be"):
        f = tmp_path / f"{codec}.txt"
        f.write_bytes(text.encode(codec))
        doc = assert_valid_document(zzgov("parse", f))
        assert doc["source"]["encoding"] == codec and len(doc["tasks"]) == 146


# ---------------------------------------------------------------------------------------
# Damaged and hostile files: valid JSON with warnings, or one line on stderr and exit 1


def _notice_bytes() -> bytes:
    return raw_path(NOTICE).read_bytes()


def _cut_mid_char(data: bytes, at: int) -> bytes:
    """data cut inside a multibyte UTF-8 character near `at`."""
    while data[at] < 0x80 or data[at] & 0xC0 != 0x80:  # move to a continuation byte
        at += 1
    return data[:at]


def _mutations(seed: int, n: int) -> bytes:
    rnd = random.Random(seed)
    b = bytearray(_notice_bytes())
    for _ in range(n):
        op = rnd.choice("xdi")
        i = rnd.randrange(len(b))
        if op == "x":
            b[i] = rnd.randrange(256)
        elif op == "d":
            del b[i:i + rnd.randrange(1, 40)]
        else:
            b[i:i] = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 8)))
    return bytes(b)


HOSTILE = {
    "empty": b"",
    "only_bom": codecs.BOM_UTF8,
    "blank_lines": b"\n\n \r\n\t\n",
    "binary_bytes": bytes(range(256)) * 16,
    "binary_random": random.Random(7).randbytes(20_000),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + random.Random(1).randbytes(4000),
    "docx": b"PK\x03\x04\x14\x00\x06\x00" + random.Random(2).randbytes(4000),
    "png": b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(4000),
    "all_nul": b"\x00" * 10_000,
    "nul_bytes": _notice_bytes()[:3000] + b"\x00" * 40 + _notice_bytes()[3000:],
    "nul_between_chars": "1. 建设\x00学校。\n责任单位：市\x00财政局\n".encode(),
    "nul_padding": SNIPPET.encode() + b"\x00" * 50_000,
    "truncated_half": _notice_bytes()[: len(_notice_bytes()) // 2 - 1],
    "truncated_mid_char": _cut_mid_char(_notice_bytes(), 20_001),
    "truncated_gb18030_mid_char": raw_path(NOTICE).read_text(encoding="utf-8")[:5001].encode("gb18030")[:-1],
    "truncated_utf16_odd_byte": raw_path(NOTICE).read_text(encoding="utf-8")[:3000].encode("utf-16")[:-1],
    "latin1": "Café résumé naïve — 1. 建设".encode("utf-8")[:5] + "é à ü".encode("latin-1"),
    "long_line_han": ("郑州" * 100_000).encode(),
    "long_line_notice": ("1. " + "建设学校，推进改革，" * 20_000 + "\n责任单位：市财政局\n").encode(),
    "long_line_fields": ("1. 建设学校。\n责任单位：" + "市财政局、" * 40_000 + "\n").encode(),
    "long_line_roles": ("1. " + "市财政局牵头，" * 28_600 + "\n").encode(),  # 200,000 characters
    "long_line_role_clauses": ("1. " + "甲牵头，" * 50_000 + "\n").encode(),
    "long_line_role_tail": ("1. 市财政局牵头，" + "乙，" * 99_990 + "\n").encode(),
    "nested_brackets_fullwidth": ("1. 建设" + "（" * 5000 + "学校" + "）" * 5000 + "。\n责任单位："
                                  + "（" * 5000 + "市财政局" + "）" * 5000 + "\n").encode(),
    "nested_brackets_ascii": ("1. 建设" + "(" * 5000 + "[" * 5000 + "学校\n").encode(),
    "unbalanced_brackets": ("1. 建设学校。（牵头单位：" + "（甲" * 5000 + "\n").encode(),
    "digits_5000": ("1. 完成投资" + "9" * 5000 + "亿元，增长" + "1" * 5000 + "%。\n责任单位：市财政局\n").encode(),
    "digits_5000_decimal": ("力争增长" + "9" * 5000 + "." + "9" * 5000 + "%以上。\n").encode(),
    "digits_5000_chinese": ("新增就业" + "九" * 5000 + "万人。\n").encode(),
    "digits_5000_seq": ("9" * 5000 + ". 建设学校。\n责任单位：市财政局\n").encode(),
    "labels_5000_one_line": ("1. 建设学校。\n" + "责任单位：" * 5000 + "\n").encode(),
    "labels_5000_lines": ("1. 建设学校。\n" + "责任单位：市财政局\n" * 5000).encode(),
    "labels_5000_inline": ("1. 建设学校（" + "牵头单位：市财政局；" * 5000 + "）\n").encode(),
    "labels_5000_no_task": ("责任领导：王明\n" * 5000).encode(),
    "markers_5000": "".join(f"{'一二三四五六七八九十'[i % 10]}、\n（一）\n{i % 9999}.\n" for i in range(5000)).encode(),
    "mutated_notice_1": _mutations(1, 20),
    "mutated_notice_2": _mutations(2, 200),
    "mutated_notice_3": _mutations(3, 2000),
}


HOSTILE_TIMEOUT = 15  # seconds; the slowest case here parses in about 2


@pytest.fixture(scope="module")
def hostile_runs(tmp_path_factory):
    """Every hostile file parsed in its own process, with kind detection and as a notice (the
    parser with the most rules), a few at a time so that hangs overlap instead of adding up.
    (name, kind) -> CompletedProcess, or None after a timeout."""
    from concurrent.futures import ThreadPoolExecutor

    d = tmp_path_factory.mktemp("hostile")
    for name, data in HOSTILE.items():
        (d / f"{name}.txt").write_bytes(data)

    def run(key):
        name, kind = key
        args = [sys.executable, "-m", "zzgov", "parse", str(d / f"{name}.txt")]
        if kind != "auto":
            args += ["--kind", kind]
        try:
            return key, subprocess.run(args, capture_output=True, timeout=HOSTILE_TIMEOUT)
        except subprocess.TimeoutExpired:
            return key, None

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(run, [(n, k) for n in HOSTILE for k in HOSTILE_KINDS]))


HOSTILE_KINDS = ("auto", "notice")


@pytest.mark.parametrize("kind", HOSTILE_KINDS)
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_input_gives_json_or_one_line_error(hostile_runs, name, kind):
    p = hostile_runs[(name, kind)]
    if p is None:
        pytest.fail(f"zzgov parse {name}.txt (kind {kind}) did not finish within {HOSTILE_TIMEOUT}s (hang)")
    assert_json_or_one_line_error(p)


@pytest.mark.parametrize("name, fragment", [
    ("empty", "empty"), ("only_bom", "empty"), ("binary_bytes", "binary"), ("binary_random", "binary"),
    ("pdf", "PDF"), ("docx", ".docx"), ("png", "binary"), ("all_nul", "binary"),
])
def test_unreadable_files_say_why_in_one_line(tmp_path, name, fragment):
    f = tmp_path / f"{name}.txt"
    f.write_bytes(HOSTILE[name])
    assert_one_line_error(zzgov("parse", f), f"{f}: ", fragment)


@pytest.mark.parametrize("name, warning", [
    ("truncated_mid_char", "cut off"),
    ("truncated_gb18030_mid_char", "cut off"),
    ("truncated_utf16_odd_byte", "cut off"),
    ("nul_padding", "NUL"),
])
def test_damaged_but_readable_files_parse_with_a_warning(tmp_path, name, warning):
    f = tmp_path / f"{name}.txt"
    f.write_bytes(HOSTILE[name])
    doc = assert_valid_document(zzgov("parse", f))
    assert any(warning in w for w in doc["warnings"]), doc["warnings"]


def test_a_few_damaged_bytes_are_replaced_and_reported(tmp_path):
    data = bytearray(_notice_bytes())
    for i in (1000, 20_000, 40_000):
        data[i] = 0xFF  # never valid in UTF-8
    f = tmp_path / "damaged.txt"
    f.write_bytes(bytes(data))
    doc = assert_valid_document(zzgov("parse", f))
    assert doc["source"]["encoding"] == "utf-8"
    assert any("damaged byte sequences" in w and "byte 1000" in w for w in doc["warnings"]), doc["warnings"]
    assert len(doc["tasks"]) >= 140


def test_a_truncated_notice_keeps_the_tasks_before_the_cut(tmp_path):
    f = tmp_path / "cut.txt"
    f.write_bytes(HOSTILE["truncated_mid_char"])
    doc = assert_valid_document(zzgov("parse", f))
    assert doc["kind"] == "notice" and 10 < len(doc["tasks"]) < 146


@pytest.mark.parametrize("data", [b"", b"\x89PNG\r\n\x1a\n\x00\x00", SNIPPET.encode()])
def test_stdin_gives_json_or_one_line_error(data):
    p = zzgov("parse", "-", input=data)
    assert_json_or_one_line_error(p)


# ---------------------------------------------------------------------------------------
# Paths: missing, unreadable, special, mixed folders


def test_missing_path_is_one_line_and_exit_1(tmp_path):
    assert_one_line_error(zzgov("parse", tmp_path / "nope.txt"), "nope.txt", "no such file")


def test_path_under_a_file_is_reported(tmp_path):
    (tmp_path / "file.txt").write_text(SNIPPET, encoding="utf-8")
    assert_one_line_error(zzgov("parse", tmp_path / "file.txt" / "x.txt"), "x.txt")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_reported_and_the_rest_written(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SNIPPET, encoding="utf-8")
    locked = src / "b.txt"
    locked.write_text(SNIPPET, encoding="utf-8")
    locked.chmod(0)
    try:
        p = zzgov("parse", src, "-o", tmp_path / "out")
    finally:
        locked.chmod(0o644)
    assert_one_line_error(p, "b.txt", "permission denied")
    assert sorted(x.name for x in (tmp_path / "out").iterdir()) == ["a.json"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_is_reported(tmp_path):
    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    (src / "a.txt").write_text(SNIPPET, encoding="utf-8")
    (src / "locked" / "b.txt").write_text(SNIPPET, encoding="utf-8")
    (src / "locked").chmod(0)
    try:
        p = zzgov("parse", src, "-o", tmp_path / "out")
    finally:
        (src / "locked").chmod(0o755)
    assert_one_line_error(p, "locked", "permission denied")
    assert sorted(x.name for x in (tmp_path / "out").iterdir()) == ["a.json"]


def test_unreadable_folder_is_reported_in_process(tmp_path, monkeypatch):
    """The same as the chmod test, for root: a folder os.walk cannot list is reported."""
    from zzgov import batch

    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    (src / "a.txt").write_text(SNIPPET, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, bad = batch.expand_paths([str(src)])
    assert files == [str(src / "a.txt")]
    assert len(bad) == 1 and bad[0][0].endswith("locked") and "permission denied" in bad[0][1]


@pytest.fixture
def mixed_folder(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    text = raw_path(NOTICE).read_text(encoding="utf-8")
    good = {
        "a_utf8.txt": text.encode("utf-8"),
        "b_gb18030.txt": text.encode("gb18030"),
        "c_utf16.txt": text.encode("utf-16"),
        "d_truncated.txt": HOSTILE["truncated_mid_char"],
        "sub/e_news.txt": raw_path(NEWS).read_bytes(),
    }
    bad = {
        "f_empty.txt": b"",
        "g_binary.bin": HOSTILE["binary_bytes"],
        "h_scan.pdf": HOSTILE["pdf"],
        "sub/i_all_nul.txt": HOSTILE["all_nul"],
    }
    for name, data in {**good, **bad}.items():
        (src / name).write_bytes(data)
    (src / "j_dangling.txt").symlink_to(tmp_path / "gone.txt")
    bad["j_dangling.txt"] = None
    if hasattr(os, "mkfifo"):
        os.mkfifo(src / "k_pipe.txt")  # reading it would block forever
        bad["k_pipe.txt"] = None
    (src / ".hidden.txt").write_bytes(b"")  # hidden files are skipped, not reported
    return src, good, bad


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_mixed_folder_writes_every_good_output_and_reports_every_bad_file(tmp_path, mixed_folder, jobs):
    src, good, bad = mixed_folder
    out = tmp_path / "out"
    p = zzgov("parse", src, tmp_path / "missing.txt", "-o", out, "--jobs", jobs)
    assert_no_traceback(p)
    assert p.returncode == 1
    assert sorted(x.name for x in out.iterdir()) == sorted(Path(n).stem + ".json" for n in good)
    for name in good:
        doc = json.loads((out / (Path(name).stem + ".json")).read_text(encoding="utf-8"))
        assert doc["tasks"] or doc["kind"] == "news"
    err = p.stderr.decode().splitlines()
    assert all(line.startswith("zzgov: error: ") for line in err), err
    reported = [n for n in [*bad, "missing.txt"] if any(Path(n).name + ":" in line for line in err)]
    assert sorted(reported) == sorted([*bad, "missing.txt"]), err
    assert len(err) == len(bad) + 1, err


# ---------------------------------------------------------------------------------------
# Output files: atomic, inside -o DIR, unique, deterministic


def _leftovers(d: Path) -> list[str]:
    return sorted(p.name for p in d.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp")


def test_a_run_leaves_no_temporary_files(tmp_path):
    out = tmp_path / "out"
    for fmt in ("json", "jsonl", "yaml"):
        p = zzgov("parse", RAW, "-o", out, "--format", fmt, "--jobs", "2")
        assert p.returncode == 0, p.stderr.decode()
    assert _leftovers(out) == []
    assert len(list(out.iterdir())) == 3 * len(list(RAW.glob("*.txt")))


def test_atomic_write_failure_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    from zzgov.emit import atomic

    target = tmp_path / "doc.json"
    atomic.atomic_write(target, "old\n")

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(OSError):
        atomic.atomic_write(target, "new\n" * 100_000)
    assert target.read_text() == "old\n"
    assert _leftovers(tmp_path) == []


def test_atomic_write_interrupted_mid_write_keeps_the_old_file(tmp_path, monkeypatch):
    from zzgov.emit import atomic

    target = tmp_path / "doc.json"
    atomic.atomic_write(target, "old\n")

    def interrupted(fd):
        raise KeyboardInterrupt  # Ctrl-C between write and rename

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.atomic_write(target, "half" * 100_000)
    assert target.read_text() == "old\n"
    assert _leftovers(tmp_path) == []


def test_atomic_write_gives_outputs_the_usual_permissions(tmp_path):
    from zzgov.emit import atomic

    atomic.atomic_write(tmp_path / "x.json", "{}\n")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "x.json").stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_failed_write_in_a_batch_is_reported_and_the_rest_written(tmp_path, monkeypatch):
    """A write error (disk full) for one output is an error line, not a traceback, and the
    old output of that name is kept."""
    from zzgov.cli import cli
    from zzgov.emit import atomic

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    for n in ("a", "b", "c"):
        (src / f"{n}.txt").write_text(SNIPPET, encoding="utf-8")
    (out / "b.json").write_text("old\n", encoding="utf-8")
    real_replace = os.replace

    def replace(a, b):
        if Path(b).name == "b.json":
            raise OSError(28, "No space left on device")
        return real_replace(a, b)

    monkeypatch.setattr(atomic.os, "replace", replace)
    r = CliRunner().invoke(cli, ["parse", str(src), "-o", str(out)])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code == 1
    assert (out / "b.json").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "c.json"]
    assert _leftovers(out) == []


def test_output_dir_that_cannot_be_created_is_one_line_error(tmp_path):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    f = tmp_path / "a.txt"
    f.write_text(SNIPPET, encoding="utf-8")
    p = zzgov("parse", f, "-o", tmp_path / "afile" / "sub")
    assert_one_line_error(p)


ODD_NAMES = [
    "a\nb.txt", "a\rb.txt", " spaced .txt", "中文名称.txt", "x:y.txt", 'q"uote.txt', "star*.txt", "back\\slash.txt",
    "\u202eevil.txt", "-rf.txt", "tab\there.txt", "\x7fdel.txt", "..txt", "...txt", "~.txt",
    "郑" * 80 + ".txt",  # 244 bytes: the output and its temporary name must still fit in 255
    "x" * 250 + ".txt",
]


def test_odd_input_names_give_outputs_inside_the_output_dir(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    paths = []
    for k, name in enumerate(ODD_NAMES):
        f = src / name
        f.write_text(SNIPPET.replace("学校", f"学校{k}"), encoding="utf-8")
        paths.append(f)
    before = sorted(tmp_path.rglob("*"))
    p = zzgov("parse", *paths, "-o", out)
    assert_no_traceback(p)
    assert p.returncode == 0, p.stderr.decode()
    written = sorted(out.iterdir())
    assert len(written) == len(ODD_NAMES)  # one output per input: none overwrote another
    for w in written:
        assert w.parent.resolve() == out.resolve()
        assert not w.name.startswith(".") and "\n" not in w.name and "/" not in w.name
        assert len(w.name.encode()) <= 255
        strict_json(w.read_bytes())
    assert sorted(tmp_path.rglob("*")) == sorted({*before, out, *written})  # nothing else created
    texts = sorted(json.loads(w.read_text(encoding="utf-8"))["tasks"][0]["text"] for w in written)
    assert texts == sorted(f"建设学校{k}。" for k in range(len(ODD_NAMES)))


def test_dot_dot_stems_stay_inside(tmp_path):
    from zzgov.emit import safe_output_name

    for stem in ("..", ".", "../..", "../../etc/passwd", "/etc/passwd", "a/../../b", "\x00", ""):
        name = safe_output_name(stem, ".json")
        assert "/" not in name and "\\" not in name and name not in (".json", "..json")
        assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_colliding_output_names_never_overwrite_each_other(tmp_path):
    """`a:b` and `a_b` both become `a_b`; a later input really named `a_b~2` must not take
    the name given to the second one."""
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "x").mkdir(parents=True)
    names = ["a:b.txt", "a_b.txt", "a_b~2.txt", "x/a_b.txt", "A_B.txt"]
    for k, n in enumerate(names):
        (src / n).write_text(SNIPPET.replace("学校", f"学校{k}"), encoding="utf-8")
    p = zzgov("parse", *[src / n for n in names], "-o", out)
    assert p.returncode == 0, p.stderr.decode()
    docs = [json.loads(w.read_text(encoding="utf-8")) for w in out.iterdir()]
    # source.path is relative to the output folder (zzgov.inputs.source_path_for)
    assert sorted(os.path.normpath(out / d["source"]["path"]) for d in docs) == sorted(str(src / n) for n in names)


def test_error_lines_stay_one_line_for_names_with_newlines(tmp_path):
    f = tmp_path / "bad\nname.txt"
    f.write_bytes(b"")
    assert_one_line_error(zzgov("parse", f), "empty")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml"])
def test_two_runs_are_byte_identical(tmp_path, fmt):
    """Also under different hash seeds: no set or dict-hash order in the output."""
    runs = []
    for k, seed in enumerate(("1", "2")):
        out = tmp_path / f"out{k}"
        p = zzgov("parse", RAW, "-o", out, "--format", fmt, env={"PYTHONHASHSEED": seed})
        assert p.returncode == 0, p.stderr.decode()
        stream = zzgov("parse", RAW, "--format", fmt, env={"PYTHONHASHSEED": seed}).stdout
        runs.append(({w.name: w.read_bytes() for w in out.iterdir()}, stream))
    assert runs[0] == runs[1]
    assert runs[0][1]


# ---------------------------------------------------------------------------------------
# zzgov validate on broken files


@pytest.mark.parametrize("content, where", [
    ('{"id": "x",\n  "kind": }\n', "line 2 column 11"),
    ('\n\n{"id": "x", "kind": NaN}\n', "line 3 column 21"),
    ('{"id": "x"}\n{"id": \n', "line 2 column"),  # JSON lines
    ('{"chars": ' + "9" * 5000 + "}\n", "line 1 column 11"),
    ('{"a": 1e999}', "line 1 column 7"),
    ("[" * 100_000, "line 1 column 101"),
    ("a: [1, 2\nb: 3\n", "line 2 column"),
    ("id: x\nkind: notice\n  bad: indent\n", "line 3 column"),
    ("a:\n\t- 1\n", "line 2 column 1"),
    ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", "line 1 column"),  # crashed libyaml before
    ("a: " + "9" * 5000 + "\n", "line 1 column 4"),
])
def test_validate_reports_broken_json_and_yaml_with_line_and_column(tmp_path, content, where):
    f = tmp_path / "broken.txt"
    f.write_text(content, encoding="utf-8")
    p = zzgov("validate", f)
    assert_no_traceback(p)
    assert p.returncode == 1
    assert where in p.stdout.decode(), p.stdout.decode()


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch {m}']",
    "!!python/object/new:os.system ['touch {m}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "x: !!python/object/apply:subprocess.check_call [['touch', '{m}']]",
    "- !!python/object/apply:builtins.exec ['open(\"{m}\", \"w\")']",
])
def test_validate_never_executes_yaml_tags(tmp_path, tag):
    marker = tmp_path / "pwned"
    f = tmp_path / "evil.yaml"
    f.write_text(tag.format(m=marker) + "\n", encoding="utf-8")
    p = zzgov("validate", f)
    assert_no_traceback(p)
    assert p.returncode == 1 and not marker.exists()
    assert "line 1 column" in p.stdout.decode()


def test_validate_rejects_non_finite_figures_in_yaml(tmp_path):
    from zzgov.api import parse_text

    import yaml

    doc = parse_text("1. 力争新增就业11.4万人以上。\n责任单位：市人社局\n", kind="notice").model_dump(mode="json")
    if not doc["figures"]:
        pytest.skip("no figure extracted from the sample")
    doc["figures"][0]["value"] = float("inf")
    f = tmp_path / "inf.yaml"
    f.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    p = zzgov("validate", f)
    assert p.returncode == 1 and "figures.0.value" in p.stdout.decode()


def test_library_parse_bytes_reports_repaired_damage_too():
    """api.parse_bytes / parse_path must carry the decoder's warnings like the CLI does."""
    from zzgov.api import parse_bytes

    doc = parse_bytes(HOSTILE["truncated_mid_char"])
    assert any("cut off" in w for w in doc.warnings), doc.warnings
