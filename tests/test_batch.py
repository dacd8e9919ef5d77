"""Batches: --jobs N gives the bytes and order of --jobs 1; outputs stream as each input is
parsed; the progress bar shows on a terminal only.  No timing asserts: the FIFO tests wait on
events (a file appearing while the process is blocked on its last input), with a generous
deadline that only guards against a hang."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import RAW
from zzgov.batch import expand_paths, run_batch

NOTICE_SNIPPET = "1. 建设学校。\n责任领导：王明\n牵头单位：市教育局\n责任单位：市财政局\n"
DEADLINE_S = 120  # a hang guard, not a timing assert

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def zzgov(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zzgov", *map(str, args)], capture_output=True, **kw)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Seeds in two folders, an unreadable file between them, an empty file and a GB18030 one:
    errors and successes interleave, so order mistakes show."""
    src = tmp_path_factory.mktemp("corpus")
    for k in range(2):
        shutil.copytree(RAW, src / f"copy{k}")
    (src / "copy0" / "0015_bad.bin").write_bytes(bytes(range(256)) * 4)
    (src / "copy1" / "empty.txt").write_bytes(b"")
    (src / "gb.txt").write_bytes(NOTICE_SNIPPET.encode("gb18030"))
    return src


def outcomes(files, jobs, fmt="jsonl"):
    return [(o.path, o.stem, o.output, o.error) for o in run_batch(files, None, fmt, jobs)]


# ---------------------------------------------------------------------------------------
# --jobs N == --jobs 1


@pytest.mark.parametrize("fmt", ["jsonl", "json", "yaml"])
def test_run_batch_jobs_n_gives_the_same_outcomes_in_the_same_order(corpus, fmt):
    files, missing = expand_paths([str(corpus)])
    assert not missing and len(files) == 13
    one = outcomes(files, 1, fmt)
    assert [o[0] for o in one] == files
    assert sum(o[3] is not None for o in one) == 2  # the binary and the empty file
    assert outcomes(files, 2, fmt) == one
    assert outcomes(files, 3, fmt) == one


needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


@needs_fork
def test_a_worker_that_dies_costs_only_its_document(corpus, monkeypatch):
    """A worker killed mid-document (the OOM killer, say) is reported for that document and
    replaced; every other document is parsed, in order, as with --jobs 1."""
    import zzgov.batch as batch

    files, _ = expand_paths([str(corpus)])
    victims = {files[2], files[7], files[8]}
    real = batch.parse_one

    def parse_or_die(path, *rest):
        if path in victims:
            os.kill(os.getpid(), 9)
        return real(path, *rest)

    one = outcomes(files, 1)
    monkeypatch.setattr(batch, "parse_one", parse_or_die)  # the forked workers inherit it
    two = outcomes(files, 2)
    assert [o[0] for o in two] == files
    for mine, theirs in zip(two, one):
        if mine[0] in victims:
            assert mine[2] is None and "died (killed by signal 9)" in mine[3]
        else:
            assert mine == theirs


@needs_fork
def test_a_batch_stopped_early_leaves_no_worker_running(corpus):
    """The consumer stops reading (a closed pipe, Ctrl-C): the workers are stopped."""
    import multiprocessing

    files, _ = expand_paths([str(corpus)])
    it = run_batch(files, None, "jsonl", 2)
    assert next(it).path == files[0]
    it.close()
    assert multiprocessing.active_children() == []


def test_cli_jobs_2_stdout_is_byte_identical(corpus):
    one = zzgov("parse", corpus, "--format", "jsonl", "--jobs", "1")
    two = zzgov("parse", corpus, "--format", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 1  # two unreadable inputs
    assert one.stdout and two.stdout == one.stdout
    assert two.stderr == one.stderr  # the same error lines, in the same order


def test_cli_jobs_2_output_directory_is_byte_identical(corpus, tmp_path):
    for jobs in (1, 2):
        r = zzgov("parse", corpus, "-o", tmp_path / f"j{jobs}", "--format", "jsonl", "--jobs", jobs)
        assert r.returncode == 1
    names = sorted(p.name for p in (tmp_path / "j1").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "j2").iterdir()) and len(names) == 11
    for n in names:
        assert (tmp_path / "j1" / n).read_bytes() == (tmp_path / "j2" / n).read_bytes(), n


def test_jobs_with_stdin_still_works():
    import json

    r = zzgov("parse", "-", "--kind", "notice", "--jobs", "2", input=NOTICE_SNIPPET.encode())
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["tasks"][0]["lead_units"] == ["市教育局"]


# ---------------------------------------------------------------------------------------
# Streaming


def test_run_batch_yields_each_outcome_before_reading_the_next_input(tmp_path):
    """With one job the batch is a generator: the last input need not exist until the first
    outcomes have been handed out."""
    a, b, c = (tmp_path / n for n in ("a.txt", "b.txt", "c.txt"))
    a.write_text(NOTICE_SNIPPET, encoding="utf-8")
    b.write_text(NOTICE_SNIPPET, encoding="utf-8")
    gen = run_batch([str(a), str(b), str(c)], "notice", "jsonl", 1)
    first = next(gen)
    assert first.path == str(a) and first.error is None
    c.write_text(NOTICE_SNIPPET, encoding="utf-8")  # written only now
    rest = list(gen)
    assert [o.path for o in rest] == [str(b), str(c)]
    assert all(o.error is None for o in rest)


def _feed_fifo(fifo: Path, data: bytes) -> bool:
    """Write data to a FIFO whose reader is waiting; False if nobody is reading it."""
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        os.set_blocking(fd, True)
        os.write(fd, data)
    finally:
        os.close(fd)
    return True


@needs_fifo
@pytest.mark.parametrize("jobs", [1, 2])
def test_cli_writes_each_output_before_the_last_input_is_read(tmp_path, jobs):
    """The last input is a named pipe nobody writes to yet: reading it blocks the batch.  The
    outputs of the inputs before it must already be on disk while it waits.  (Named
    explicitly: a pipe found inside a folder is skipped, one named on the command line is read.)"""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(NOTICE_SNIPPET, encoding="utf-8")
    fifo = src / "z.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    inputs = [str(src / "a.txt"), str(src / "b.txt"), str(fifo)]
    p = subprocess.Popen([sys.executable, "-m", "zzgov", "parse", *inputs, "-o", str(out), "--kind", "notice",
                          "--jobs", str(jobs)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    fed = False
    try:
        deadline = time.monotonic() + DEADLINE_S
        while not ((out / "a.json").exists() and (out / "b.json").exists()):
            assert p.poll() is None, p.communicate()
            assert time.monotonic() < deadline, "no output appeared while the last input was unread"
            time.sleep(0.02)
        assert p.poll() is None  # still waiting for the last input
        assert not (out / "z.json").exists()
        # now give it the last input
        while not fed:
            fed = _feed_fifo(fifo, NOTICE_SNIPPET.encode())
            assert time.monotonic() < deadline
            time.sleep(0.02)
        stdout, stderr = p.communicate(timeout=DEADLINE_S)
        assert p.returncode == 0, stderr
        assert sorted(x.name for x in out.iterdir()) == ["a.json", "b.json", "z.json"]
    finally:
        if p.poll() is None:
            for _ in range(50):  # unblock a worker stuck on the FIFO, then stop the batch
                if fed or _feed_fifo(fifo, b""):
                    break
                time.sleep(0.02)
            p.kill()
            p.wait()


# ---------------------------------------------------------------------------------------
# Progress bar


def test_progress_bar_is_silent_when_stderr_is_piped(corpus, tmp_path):
    r = zzgov("parse", RAW, "-o", tmp_path / "out")
    assert r.returncode == 0
    assert r.stderr == b""
    assert r.stdout == b""


def test_progress_bar_is_silent_when_writing_to_stdout(tmp_path):
    r = zzgov("parse", RAW, "--format", "jsonl")
    assert r.returncode == 0 and r.stderr == b""
    assert len(r.stdout.splitlines()) == 5


def _run_with_tty_stderr(args: list[str]) -> tuple[int, bytes]:
    """Run zzgov with stderr on a pseudo-terminal; return (exit code, what it wrote there)."""
    import pty

    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain():
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # the slave side closed
                return
            if not data:
                return
            chunks.append(data)

    t = threading.Thread(target=drain, daemon=True)
    t.start()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    try:
        p = subprocess.run([sys.executable, "-m", "zzgov", *args], stdout=subprocess.DEVNULL, stderr=slave,
                           env=env, timeout=DEADLINE_S)
    finally:
        os.close(slave)
    t.join(timeout=10)
    os.close(master)
    return p.returncode, b"".join(chunks)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals as on Linux")
def test_progress_bar_shows_on_a_terminal_and_not_with_no_progress(tmp_path):
    rc, shown = _run_with_tty_stderr(["parse", str(RAW), "-o", str(tmp_path / "a")])
    assert rc == 0
    assert b"parsing" in shown
    rc, shown = _run_with_tty_stderr(["parse", str(RAW), "-o", str(tmp_path / "b"), "--no-progress"])
    assert rc == 0 and shown == b""


# ---------------------------------------------------------------------------------------
# Reading an input: a regular file in one read of its size, anything else in chunks, never
# more than the limit.

@pytest.mark.parametrize("size", [0, 1, 9, 10, 11, 25])
def testread_bounded_reads_a_file_whole_or_up_to_the_limit(tmp_path, size):
    from zzgov.batch import read_bounded

    p = tmp_path / "f.bin"
    p.write_bytes(bytes(range(size)))
    with open(p, "rb") as fh:
        assert read_bounded(fh, 11) == bytes(range(size))[:11]


def testread_bounded_reads_a_stream_without_a_size_in_chunks(monkeypatch):
    import io

    import zzgov.batch as batch

    monkeypatch.setattr(batch, "READ_CHUNK", 4)
    data = bytes(range(30))
    assert batch.read_bounded(io.BytesIO(data), 100) == data  # no fileno(): chunk by chunk
    assert batch.read_bounded(io.BytesIO(data), 11) == data[:11]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def testread_bounded_stops_at_the_limit_on_an_endless_device():
    from zzgov.batch import read_bounded

    with open("/dev/zero", "rb") as fh:
        assert read_bounded(fh, 3_000_001) == bytes(3_000_001)


def test_an_input_over_the_limit_is_refused(tmp_path, monkeypatch):
    import zzgov.batch as batch

    monkeypatch.setattr(batch, "MAX_INPUT_BYTES", 10)
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 11)
    with pytest.raises(ValueError, match="larger than"):
        batch.read_input(str(p))
    p.write_bytes(b"x" * 10)
    assert batch.read_input(str(p)) == b"x" * 10
