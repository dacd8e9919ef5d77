"""Hostile conditions, round two (issue 21): caches, YAML aliases, full disks and short
writes, killed and interrupted runs, file names that are not UTF-8, validate on big or
hostile files, ASCII locales.

Everything runs zzgov in a real process with a timeout: a hang, a crash or a traceback
fails the test instead of stopping the suite.  Full disks are a 64 KiB tmpfs in a private
mount namespace (`unshare`; skipped where that is not allowed) or /dev/full.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import NOTICE, RAW, raw_path
from test_hostile import REPORT, TIMEOUT, assert_no_traceback, assert_one_line_error, zzgov

ZZGOV = [sys.executable, "-m", "zzgov"]


def one_line(p, *fragments: str, code: int = 1) -> str:
    """The run failed with exit `code` and said why in one line, without a traceback."""
    assert_no_traceback(p)
    assert p.returncode == code, (p.returncode, p.stderr.decode(errors="replace"))
    lines = p.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("zzgov: error: "), lines
    for frag in fragments:
        assert frag in lines[0], lines[0]
    return lines[0]


# ---------------------------------------------------------------------------------------
# 2. Caches: zzgov keeps only data in the cache folder (zzgov.datacache: the parsed rule and
# unit files and the traditional-character table, never compiled patterns), and nothing there
# can change or stop a run.  The files below sit where earlier versions kept their caches (a
# parsed units.yaml, the compiled code of re and regex patterns), damaged in each way that
# broke those versions; then the data entries of this version are damaged the same ways
# (tests/test_datacache.py has the rest).


def _old_cache_names() -> dict[str, str]:
    import hashlib

    import _sre
    import regex
    from regex import _regex

    units = (Path(__file__).resolve().parents[1] / "src/zzgov/data/units.yaml").read_text(encoding="utf-8")
    return {
        "units": f"units-{hashlib.sha256(units.encode('utf-8')).hexdigest()[:24]}.json",
        "re": f"re-{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}.json",
        "regex": f"regex-{regex.__version__}-{_regex.MAGIC}-{_regex.CODE_SIZE}.json",
    }


def _plant(folder: Path, damage: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    names = _old_cache_names()
    if damage == "wrong_shape":  # valid JSON, not the shape of a units.yaml
        (folder / names["units"]).write_text('{"units": 5, "rules": [[1, 2]], "aliases": null}')
    elif damage == "fifo":  # opening it for reading blocks until a writer comes: never
        for key in ("units", "re", "regex"):
            os.mkfifo(folder / names[key])
    elif damage == "dev_zero":  # reads until memory runs out
        for key in ("units", "re", "regex"):
            (folder / names[key]).symlink_to("/dev/zero")
    elif damage == "damaged_code":  # entries whose compiled code is garbage
        entry = {"pattern": "x", "flags": 0, "code": [4294967295, 17, 0], "groups": 0, "groupindex": {}}
        for key in ("re", "regex"):
            (folder / names[key]).write_text(json.dumps({f"k{i}": entry for i in range(50)}))


@pytest.fixture(scope="module")
def clean_parse(tmp_path_factory):
    """A notice and a report parsed with an empty cache folder."""
    empty = tmp_path_factory.mktemp("empty-cache")
    p = _run_with_cache_env({"HOME": str(empty)}, "parse", raw_path(NOTICE), raw_path(REPORT))
    assert p.returncode == 0, p.stderr.decode()
    return p.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("damage", ["wrong_shape", "fifo", "dev_zero", "damaged_code"])
def test_whatever_lies_in_the_cache_folder_changes_nothing(tmp_path, clean_parse, damage):
    folders = [tmp_path / "zz", tmp_path / "xdg" / "zzgov", tmp_path / "home" / ".cache" / "zzgov"]
    for folder in folders:
        _plant(folder, damage)
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    runs = [  # each of the ways the cache folder used to be found
        {"ZZGOV_CACHE_DIR": str(folders[0])},
        {"XDG_CACHE_HOME": str(tmp_path / "xdg")},
        {"HOME": str(tmp_path / "home")},
    ]
    for env in runs:
        p = _run_with_cache_env(env, "parse", raw_path(NOTICE), raw_path(REPORT))
        assert_no_traceback(p)
        assert p.returncode == 0, p.stderr.decode()
        assert p.stdout == clean_parse
    # what was there is left as it was; zzgov added only its own data entries
    after = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    added = sorted(set(after) - set(before))
    assert set(before) <= set(after) and added, added
    assert all(Path(a).parent.name == "zzgov" or Path(a).parent.name == "zz" for a in added), added
    assert {Path(a).name.split("-")[0] for a in added} == {"rules", "units", "trad"}, added

    # this version's own entries, damaged: each run still gives the clean output
    entries = [tmp_path / a for a in added]
    for entry in entries:
        entry.unlink()
        if damage == "fifo":
            os.mkfifo(entry)
        elif damage == "dev_zero":
            entry.symlink_to("/dev/zero")
        else:  # truncated, or another payload under a header of the right form
            entry.write_bytes(b"zzgov-data 1 sha256=" + b"0" * 64 + b"\n" + b'{"rules": [[1, 2]]}'[: len(damage) % 13])
    for env in runs:
        p = _run_with_cache_env(env, "parse", raw_path(NOTICE), raw_path(REPORT))
        assert_no_traceback(p)
        assert p.returncode == 0, p.stderr.decode()
        assert p.stdout == clean_parse


def _run_with_cache_env(env: dict, *args):
    """zzgov with the cache variables `env` does not set removed from the environment, so
    the run finds the folder the test planted, not the developer's own."""
    base = {k: v for k, v in os.environ.items() if k not in ("ZZGOV_CACHE_DIR", "XDG_CACHE_HOME")}
    try:
        return subprocess.run([*ZZGOV, *map(str, args)], capture_output=True, timeout=TIMEOUT, env={**base, **env})
    except subprocess.TimeoutExpired:
        pytest.fail(f"zzgov with the cache folder of {env} did not finish within {TIMEOUT}s (hang)")


# ---------------------------------------------------------------------------------------
# 3. validate and YAML aliases


def _alias_bomb(levels: int, width: int) -> str:
    """Each anchor a list of `width` aliases of the one before: width**levels nodes."""
    lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def _alias_square(n: int) -> str:
    """One list of n items aliased n times: n*n nodes from 2n written."""
    return f"id: &b [{', '.join(['x'] * n)}]\nrefs: [{', '.join(['*b'] * n)}]\n"


@pytest.mark.parametrize("text", [_alias_bomb(9, 10), _alias_square(400)], ids=["exponential", "square"])
def test_validate_refuses_yaml_whose_aliases_expand_it_too_far(tmp_path, text):
    f = tmp_path / "records.yaml"
    f.write_text(text, encoding="utf-8")
    p = zzgov("validate", f)
    assert_no_traceback(p)
    assert p.returncode == 1
    lines = p.stdout.decode().splitlines()
    assert len(lines) == 1 and "invalid YAML: aliases expand" in lines[0], lines[:3]
    assert lines[0].startswith(f"{f}: line ")


def test_validate_accepts_a_record_that_shares_a_list_by_alias(tmp_path, notice_doc):
    data = notice_doc.model_dump(mode="json")
    data["tasks"][1]["units"] = data["tasks"][0]["units"]  # one list, dumped as an anchor and an alias
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert "&id001" in text and "*id001" in text
    f = tmp_path / "shared.yaml"
    f.write_text(text, encoding="utf-8")
    p = zzgov("validate", f)
    assert p.returncode == 0, p.stdout.decode()[:500]


# ---------------------------------------------------------------------------------------
# 4 and 9. Standard output that cannot take the output: a full disk, /dev/full


def _unshare_ok() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        return subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def run_onto_small_disk(tmp_path: Path, *args, size: str = "64k"):
    """zzgov with its standard output in a file on a `size` tmpfs (mounted in a private
    namespace, gone when the run ends); exit 99 if the tmpfs could not be mounted."""
    disk = tmp_path / "disk"
    disk.mkdir()
    script = 'mount -t tmpfs -o size="$1" tmpfs "$2" || exit 99; out="$2/out"; shift 2; exec "$@" > "$out"'
    try:
        return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", size, str(disk), *ZZGOV, *map(str, args)],
                              capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail("zzgov writing onto a full disk did not finish (hang)")


@pytest.mark.skipif(not _unshare_ok(), reason="needs unshare to mount a small tmpfs")
@pytest.mark.parametrize("args", [
    ("parse", raw_path(NOTICE)),  # one JSON record of ~200 KB
    ("parse", raw_path(NOTICE), raw_path(REPORT)),  # JSON lines
    ("figures", raw_path(REPORT), "--format", "csv"),  # a row command: ~100 KB of rows in one write
])
def test_a_full_disk_under_standard_output_is_an_error_not_a_truncated_file(tmp_path, args):
    """Python's buffered writer returns from a short write as if all was written: the run
    exited 0 leaving a record cut at 64 KiB."""
    p = run_onto_small_disk(tmp_path, *args, size="16k")
    assert p.returncode != 99, p.stderr.decode()
    one_line(p, "cannot write to standard output: no space left on device")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [
    ("parse", raw_path(NOTICE)),
    ("parse", raw_path(NOTICE), "--format", "yaml"),
    ("parse", RAW, "--jobs", "2"),
    ("units", raw_path(NOTICE), "--format", "jsonl"),
    ("figures", raw_path(REPORT), "--format", "csv"),
    ("leaders", raw_path(NOTICE), "--format", "table"),
    ("report", raw_path(NOTICE), "-o", "-"),
    ("validate", "BAD"),
    ("schema",),
])
def test_full_standard_output_is_one_line_and_exit_1(tmp_path, args):
    if args == ("validate", "BAD"):
        bad = tmp_path / "bad.jsonl"
        bad.write_text('{"id": 1}\n' * 1000, encoding="utf-8")
        args = ("validate", bad)
    with open("/dev/full", "wb") as full:
        try:
            p = subprocess.run([*ZZGOV, *map(str, args)], stdout=full, stderr=subprocess.PIPE, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            pytest.fail("hang")
    one_line(p, "cannot write to standard output: no space left on device")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_help_into_a_full_stdout_is_one_line_too():
    with open("/dev/full", "wb") as full:
        p = subprocess.run([*ZZGOV, "--help"], stdout=full, stderr=subprocess.PIPE, timeout=TIMEOUT)
    one_line(p, "no space left on device")


ASCII = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""}


@pytest.mark.parametrize("command", ["units", "leaders", "figures"])
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_row_commands_write_utf8_under_an_ascii_locale(command, fmt):
    p = zzgov(command, raw_path(NOTICE), "--format", fmt, env=ASCII)
    assert_no_traceback(p)
    assert p.returncode == 0, p.stderr.decode()
    text = p.stdout.decode("utf-8")  # UTF-8 whatever the locale: the formats' own encoding
    assert "市" in text
    if fmt == "jsonl":
        assert all(json.loads(line)["document"] == NOTICE for line in text.splitlines())


def test_ascii_locale_really_is_ascii_for_python():
    """The locale above is one where Python's own stdout would refuse Chinese text."""
    p = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdout.encoding, sys.flags.utf8_mode)"],
                       capture_output=True, env={**os.environ, **ASCII}, timeout=TIMEOUT)
    assert p.stdout.decode().split() == ["ascii", "0"]


def test_validate_prints_problems_in_utf8_under_an_ascii_locale(tmp_path):
    f = tmp_path / "x.json"
    f.write_text(json.dumps({"id": "郑州", "多余": 1}, ensure_ascii=False), encoding="utf-8")
    p = zzgov("validate", f, env=ASCII)
    assert_no_traceback(p)
    assert p.returncode == 1
    assert "多余: Extra inputs are not permitted" in p.stdout.decode("utf-8")


# ---------------------------------------------------------------------------------------
# 5 and 11. Killed and interrupted runs


@pytest.fixture(scope="module")
def many_inputs(tmp_path_factory):
    """Enough documents that `parse --jobs 2` is still running seconds after it starts."""
    src = tmp_path_factory.mktemp("many")
    for i in range(40):
        for f in RAW.glob("*.txt"):
            shutil.copyfile(f, src / f"{f.stem}_{i:02d}.txt")
    return src


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    """Running: neither gone nor a zombie waiting for a reaper that may never come."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _start_and_wait_for_output(args, out: Path, workers: int):
    proc = subprocess.Popen([*ZZGOV, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + TIMEOUT
    kids: list[int] = []
    while time.monotonic() < deadline:
        kids = _children(proc.pid)
        if len(kids) >= workers and out.is_dir() and any(out.iterdir()):
            return proc, kids
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    pytest.fail(f"the run ended or produced nothing within {TIMEOUT}s: {proc.stderr.read().decode()[-500:]}")


def _gone_within(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [p for p in pids if _alive(p)]
        if not alive:
            return []
        time.sleep(0.05)
    return [p for p in pids if _alive(p)]


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".zzgov-"))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_their_parent_is_killed(tmp_path, many_inputs, sig):
    out = tmp_path / "out"
    proc, workers = _start_and_wait_for_output(("parse", many_inputs, "-o", out, "--jobs", "2"), out, 2)
    proc.send_signal(sig)
    proc.wait(timeout=TIMEOUT)
    left = _gone_within(workers, 10)
    for pid in left:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"workers {left} outlived their parent ({sig.name})"
    if sig == signal.SIGTERM:  # handled: the clean-up ran
        assert proc.returncode == 128 + signal.SIGTERM
        assert proc.stderr.read().decode() == "zzgov: error: terminated\n"
        assert _temporaries(out) == []


def test_a_run_after_a_killed_one_removes_its_temporary_files_only(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    gone = subprocess.Popen(["true"])
    gone.wait()  # a process id no longer in use: the run that wrote these was killed
    stale = [f".zzgov-{gone.pid}-abc_12x.tmp", f".zzgov-{gone.pid}-zz9.tmp"]
    old_unnamed = ".zzgov-k3j_x9q2.tmp"  # from before temporary names carried the process
    kept = [
        f".zzgov-{os.getpid()}-live1.tmp",  # a live process is still writing it
        ".zzgov-f7f7f7f7.tmp",  # unnamed but fresh: may belong to a run now writing
        f".zzgov-{gone.pid}-abc.txt",  # not one of zzgov's temporary names
        "notes.tmp",
        f"zzgov-{gone.pid}-abc.tmp",
    ]
    for name in [*stale, old_unnamed, *kept]:
        (out / name).write_text("x")
    hour_ago = time.time() - 7200
    os.utime(out / old_unnamed, (hour_ago, hour_ago))
    (out / f".zzgov-{gone.pid}-link.tmp").symlink_to(out / "notes.tmp")  # a link is not ours
    kept.append(f".zzgov-{gone.pid}-link.tmp")
    (out / f".zzgov-{gone.pid}-set.tmp").mkdir()  # a CSV set a killed export was writing
    (out / f".zzgov-{gone.pid}-set.tmp" / "tasks.csv").write_text("half")
    stale.append(f".zzgov-{gone.pid}-set.tmp")
    (out / ".zzgov-abcdefgh.tmp").mkdir()  # a folder without a process id: not known as ours
    kept.append(".zzgov-abcdefgh.tmp")

    p = zzgov("parse", raw_path(NOTICE), "-o", out)
    assert p.returncode == 0, p.stderr.decode()
    assert sorted(x.name for x in out.iterdir()) == sorted([*kept, f"{NOTICE}.json"])


def test_atomic_writes_clean_their_folder_of_stale_temporaries_too(tmp_path, notice_doc):
    """export and report write through atomic_path / atomic_write or, for a CSV set, a
    temporary folder: each cleans up what a killed run left beside its target."""
    from zzgov.emit import atomic
    from zzgov.export.csvfiles import to_csv

    gone = subprocess.Popen(["true"])
    gone.wait()
    for sub in ("a", "b", "c"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / f".zzgov-{gone.pid}-x1.tmp").write_text("half")
    (tmp_path / "c" / f".zzgov-{gone.pid}-set.tmp").mkdir()
    atomic.atomic_write(tmp_path / "a" / "doc.json", "{}\n")
    with atomic.atomic_path(tmp_path / "b" / "x.db") as tmp:
        assert tmp.name.startswith(f".zzgov-{os.getpid()}-")
        tmp.write_text("db")
    to_csv([notice_doc], tmp_path / "c" / "tables")
    assert sorted(x.name for x in (tmp_path / "a").iterdir()) == ["doc.json"]
    assert sorted(x.name for x in (tmp_path / "b").iterdir()) == ["x.db"]
    assert sorted(x.name for x in (tmp_path / "c").iterdir()) == ["tables"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_run_then_a_rerun_leave_every_output_and_no_temporary(tmp_path, many_inputs):
    out = tmp_path / "out"
    proc, workers = _start_and_wait_for_output(("parse", many_inputs, "-o", out, "--jobs", "2"), out, 2)
    proc.kill()
    proc.wait(timeout=TIMEOUT)
    assert _gone_within(workers, 10) == []
    p = zzgov("parse", many_inputs, "-o", out, "--jobs", "2", timeout=300)
    assert p.returncode == 0, p.stderr.decode()
    assert _temporaries(out) == []
    assert len(list(out.iterdir())) == len(list(many_inputs.iterdir()))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_says_interrupted_and_exits_130(tmp_path, many_inputs, jobs):
    out = tmp_path / "out"
    proc, workers = _start_and_wait_for_output(("parse", many_inputs, "-o", out, "--jobs", jobs), out,
                                               int(jobs) if jobs != "1" else 0)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=TIMEOUT)
    err = proc.stderr.read().decode()
    assert proc.returncode == 130, err
    assert err == "zzgov: error: interrupted\n"  # not click's `Aborted!`, nor a traceback
    assert _temporaries(out) == []
    assert _gone_within(workers, 10) == []


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the point of the test
def test_a_stop_python_swallowed_is_still_taken(capsys):
    """Python ignores an exception raised in a weakref callback (an import lock's, say): a
    Ctrl-C landing there must still end the run as `interrupted`, exit 130, not exit 0."""
    import weakref

    import zzgov.cli as cli_mod

    def run_swallowing_the_stop(**kwargs):
        class Thing:
            pass

        thing = Thing()
        ref = weakref.ref(thing, lambda _: cli_mod._stop(signal.SIGINT, None))
        del thing  # the callback raises, Python prints "Exception ignored" and goes on
        assert ref() is None
        sys.exit(0)

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        cli_mod._received.clear()
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(cli_mod, "cli", run_swallowing_the_stop)
            with pytest.raises(SystemExit) as exit_:
                cli_mod.main()
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
        cli_mod._received.clear()
    assert exit_.value.code == 130
    assert capsys.readouterr().err.endswith("zzgov: error: interrupted\n")


_INTERRUPT_WRITES = r"""
import os, random, signal, sys
from zzgov.emit.atomic import atomic_write, remove_pending

class Stop(BaseException):
    pass

def stop(signum, frame):
    raise Stop

signal.signal(signal.SIGALRM, stop)
folder, ends = sys.argv[1], []
# One write first, so that its lazy imports are done: a signal landing in an import lock's
# weakref callback is ignored by Python ("Exception ignored in"), and the loop would not end.
atomic_write(os.path.join(folder, "f0.json"), "x", sync_dir=False)
random.seed(7)
for i in range(2000):
    try:
        signal.setitimer(signal.ITIMER_REAL, random.uniform(1e-5, 4e-4))
        while True:
            atomic_write(os.path.join(folder, f"f{i % 5}.json"), "x" * 2000, sync_dir=False)
    except Stop:
        ends.append("stop")
    except OSError as exc:
        ends.append(f"OSError {exc.strerror}")
remove_pending()
print(sorted(set(ends)))
"""


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs interval timers")
def test_a_signal_landing_anywhere_in_a_write_stays_the_signal(tmp_path):
    """2000 writes each cut by a timer signal at a random moment: every one ends as the
    signal, never as a failed write (the CI once saw Ctrl-C reported as `cannot write …: bad
    file descriptor` when it landed while a file object was being wrapped round the
    descriptor), and the pending temporaries are all removed."""
    p = subprocess.run([sys.executable, "-c", _INTERRUPT_WRITES, str(tmp_path)], capture_output=True,
                       timeout=TIMEOUT)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout.decode().strip() == "['stop']"
    assert _temporaries(tmp_path) == []


# ---------------------------------------------------------------------------------------
# 7. File names that are not UTF-8


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse such names")
def test_a_file_name_that_is_not_utf8_is_parsed_and_shown_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9-\xff.txt")  # Latin-1 bytes, as an old archive leaves them
    shutil.copyfile(raw_path(NOTICE), folder / name)
    p = zzgov("parse", folder / name)
    assert_no_traceback(p)
    assert p.returncode == 0, p.stderr.decode()
    doc = json.loads(p.stdout.decode("utf-8"))
    assert doc["id"] == "caf\\xe9-\\xff"
    assert doc["source"]["path"] == str(folder) + "/caf\\xe9-\\xff.txt"
    assert doc["tasks"]

    out = tmp_path / "out"
    p = zzgov("parse", folder, "-o", out)
    assert p.returncode == 0, p.stderr.decode()
    written = list(out.iterdir())
    assert len(written) == 1 and json.loads(written[0].read_text(encoding="utf-8"))["id"] == "caf\\xe9-\\xff"

    p = zzgov("units", folder, "--format", "jsonl")
    assert p.returncode == 0, p.stderr.decode()
    assert {json.loads(line)["document"] for line in p.stdout.decode("utf-8").splitlines()} == {"caf\\xe9-\\xff"}

    (folder / os.fsdecode(b"bad\xe9.txt")).write_bytes(b"")  # an error names the file the same way
    p = zzgov("parse", folder / os.fsdecode(b"bad\xe9.txt"))
    one_line(p, "bad\\xe9.txt: empty file")


# ---------------------------------------------------------------------------------------
# 8. validate reads JSON lines as they come, and JSON / YAML only up to a size


def test_validate_reports_a_bad_json_line_before_the_input_ends():
    """Record by record: the problem of the first line is printed while the input is still
    open (a reader of the whole input would wait for its end)."""
    proc = subprocess.Popen([*ZZGOV, "validate", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        proc.stdin.write(b'{"id": 1}\n{"id": 2}\n')
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], TIMEOUT)
        assert ready, "no problem printed while the input stayed open"
        first = proc.stdout.readline().decode()
        assert first.startswith("-: line 1 ") and "id" in first
        proc.stdin.write(b'{"id": 3}\n')
        proc.stdin.close()
        rest = proc.stdout.read().decode()
        assert proc.wait(timeout=TIMEOUT) == 1
    finally:
        proc.kill()
    assert "-: line 3 " in rest and "-: line 2 " in rest


def _validate_in_process(path: Path):
    from zzgov.cli import cli

    return CliRunner().invoke(cli, ["validate", str(path)])


def test_validate_refuses_json_and_yaml_over_the_size_limit_but_streams_json_lines(tmp_path, monkeypatch,
                                                                                      notice_doc):
    from zzgov import validate

    line = notice_doc.model_dump_json() + "\n"
    monkeypatch.setattr(validate, "MAX_FILE_BYTES", len(line) * 3)
    jsonl = tmp_path / "big.jsonl"
    jsonl.write_text(line * 10, encoding="utf-8")  # ten records, three times the limit
    r = _validate_in_process(jsonl)
    assert r.exit_code == 0, r.output

    as_json = tmp_path / "big.json"
    as_json.write_text(json.dumps([json.loads(line)] * 4, ensure_ascii=False, indent=1), encoding="utf-8")
    as_yaml = tmp_path / "big.yaml"
    as_yaml.write_text(yaml.safe_dump(json.loads(line), allow_unicode=True) * 4, encoding="utf-8")
    for f in (as_json, as_yaml):
        r = _validate_in_process(f)
        assert r.exit_code == 1
        assert "cannot read: larger than" in r.output and "read whole" in r.output

    long_line = tmp_path / "long.jsonl"
    long_line.write_text(line + "[" * (len(line) * 4) + "\n" + line, encoding="utf-8")
    r = _validate_in_process(long_line)
    assert r.exit_code == 1
    assert r.output.splitlines() == [f"{long_line}: line 2: longer than 0 MiB; not a record"]


def test_validate_keeps_a_record_with_a_line_separator_in_a_string_whole(tmp_path, notice_doc):
    """U+2028 is valid inside a JSON string and written raw; a JSON line is split at \\n only."""
    data = notice_doc.model_dump(mode="json")
    data["warnings"] = ["第一段\u2028第二段"]
    f = tmp_path / "x.jsonl"
    f.write_text((json.dumps(data, ensure_ascii=False) + "\n") * 2, encoding="utf-8")
    p = zzgov("validate", f)
    assert p.returncode == 0, p.stdout.decode()[:500]


# ---------------------------------------------------------------------------------------
# 12. validate escapes what it prints from the file


def test_validate_escapes_control_characters_in_keys_and_names(tmp_path, notice_doc):
    first, second = notice_doc.model_dump(mode="json"), notice_doc.model_dump(mode="json")
    forged = "x\n" + f"{tmp_path}/y.json: #1 id: all is well\x1b[2J\x9b"
    first[forged] = 1  # an unknown key
    second["meta"]["spans"]["title\r\u202eevil"] = {"start": 0, "end": 1}  # not a meta field
    f = tmp_path / "bad\nname.json"
    f.write_text(json.dumps([first, second], ensure_ascii=False), encoding="utf-8")
    p = zzgov("validate", f)
    assert_no_traceback(p)
    assert p.returncode == 1
    out = p.stdout.decode()
    lines = out.splitlines()
    assert len(lines) == 2, lines  # two problems, two lines: no forged third
    assert lines[0].startswith(f"{tmp_path}/bad\\nname.json: #1 x\\n")
    assert lines[1].startswith(f"{tmp_path}/bad\\nname.json: #2 meta.spans.title\\r\\u202eevil: not a meta field")
    assert not any(c in out for c in "\x1b\x9b\r\u202e")
    assert "x\\n" in out and "\\x1b[2J\\x9b" in out and "title\\r\\u202eevil" in out


def test_library_text_with_a_lone_surrogate_parses_to_a_record_every_writer_can_write():
    """A decoded file never holds one, but a library caller's str may: replaced one for one,
    so spans still slice the text as given, with a warning."""
    from zzgov.api import parse_text
    from zzgov.emit import dumps

    text = "1. 建设\ud800学校。\n责任领导：王明\n牵头单位：市教育局\n"
    doc = parse_text(text, kind="notice")
    assert doc.warnings[0].startswith("1 lone surrogate (not Unicode text) replaced with U+FFFD")
    task = doc.tasks[0]
    assert task.text == "建设\ufffd学校。"
    assert task.text in text[task.span.start:task.span.end].replace("\ud800", "\ufffd")
    for fmt in ("json", "jsonl", "yaml"):
        dumps(doc, fmt).encode("utf-8")


class _Stop(BaseException):
    pass


@pytest.mark.parametrize("writer", ["atomic_write", "atomic_path"])
def test_a_signal_right_after_the_temporary_file_is_made_leaves_no_file(tmp_path, monkeypatch, writer):
    # SIGTERM arriving between a temporary file's creation and the `try` that removes it left
    # the file behind; the file is known as pending from before it exists, and the stop
    # handler (zzgov.cli.main) removes what is pending
    import signal

    from zzgov.emit import atomic

    made = atomic._new_temporary

    def made_then_signal(directory):
        out = made(directory)
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs before the caller's next step
        return out

    def stop(signum, frame):
        raise _Stop()

    monkeypatch.setattr(atomic, "_new_temporary", made_then_signal)
    old = signal.signal(signal.SIGTERM, stop)
    try:
        with pytest.raises(_Stop):
            if writer == "atomic_write":
                atomic.atomic_write(tmp_path / "out.json", "{}")
            else:
                with atomic.atomic_path(tmp_path / "out.db"):
                    pass
    finally:
        signal.signal(signal.SIGTERM, old)
    atomic.remove_pending()
    assert sorted(p.name for p in tmp_path.iterdir()) == []
