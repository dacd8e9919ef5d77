"""Batches of inputs: expand paths, parse each (optionally on several processes), and hand
results back in input order as each finishes, so output streams and memory stays bounded
by the largest document rather than the corpus.
"""

from __future__ import annotations

import gc
import os
from collections import deque
import stat
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

STDIN = "-"


@dataclass(frozen=True)
class Outcome:
    path: str  # as given ("-" for standard input)
    stem: str  # document id: the file stem
    output: bytes | None  # serialized document(s) (UTF-8), or None on error
    error: str | None  # one-line message
    detail: str | None = None  # traceback, shown with -v
    # (name, serialized record) per document, for one file each under `-o`: one for a raw
    # text (named by its stem); one per record of a record file (named by the record's id).
    parts: tuple[tuple[str, bytes], ...] = ()


def expand_paths(paths: Iterable[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to read, in order, and (path, message) for paths that cannot be read.

    Directories contribute their regular files recursively in sorted order, skipping hidden
    files and folders; unreadable folders and special files inside them (FIFOs, sockets,
    devices: reading one could block forever) are reported.  A path named explicitly may be
    any readable file, e.g. a pipe from `<(…)`."""
    files: list[str] = []
    missing: list[tuple[str, str]] = []
    for p in paths:
        if p == STDIN:
            files.append(p)
            continue
        path = Path(p)
        try:
            st = path.stat()
        except OSError as exc:
            if isinstance(exc, FileNotFoundError) or not exc.strerror:
                missing.append((p, "no such file or directory"))
            else:
                missing.append((p, exc.strerror.lower()))
            continue
        if not stat.S_ISDIR(st.st_mode):
            files.append(p)
            continue
        found: list[str] = []
        problems: list[tuple[str, str]] = []

        def walk_error(exc: OSError) -> None:
            where = exc.filename if exc.filename is not None else p
            problems.append((str(where), f"cannot read folder: {(exc.strerror or type(exc).__name__).lower()}"))

        for root, dirs, names in os.walk(path, onerror=walk_error):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for n in names:
                if n.startswith("."):
                    continue
                full = os.path.join(root, n)
                try:
                    mode = os.stat(full).st_mode
                except OSError:
                    found.append(full)  # a dangling link: reading it reports the error
                    continue
                if stat.S_ISREG(mode):
                    found.append(full)
                elif not stat.S_ISDIR(mode):  # links to folders are not followed
                    problems.append((full, "not a regular file (a pipe, socket or device); skipped"))
        files.extend(sorted(found, key=lambda s: Path(s).relative_to(path).parts))
        missing.extend(sorted(problems))
    return files, missing


def _one_line(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()
    text = msg[0] if msg else type(exc).__name__
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror.lower()
    return text


# Government documents are kilobytes to a few megabytes; a bigger input is a mistake (a
# disk image, /dev/zero) and would only exhaust memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024


# Reads of unknown length go in chunks: `read(limit)` would allocate the whole limit first.
READ_CHUNK = 1 << 20


def read_bounded(fh, limit: int) -> bytes:
    """At most `limit` bytes of fh: a regular file in one read of its size (plus one byte, to
    see a file that grew), anything else (a pipe, /dev/zero) chunk by chunk."""
    try:
        size = os.fstat(fh.fileno()).st_size
    except (OSError, ValueError, AttributeError):
        size = 0
    chunks: list[bytes] = []
    total = 0
    if 0 < size < limit:
        first = fh.read(size + 1)
        if len(first) <= size:
            return first  # the whole file: a short read means end of file
        chunks, total = [first], len(first)
    while total < limit:
        chunk = fh.read(min(READ_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_input(path: str) -> bytes:
    """The bytes of a file or of standard input, at most MAX_INPUT_BYTES (else ValueError)."""
    if path == STDIN:
        data = read_bounded(sys.stdin.buffer, MAX_INPUT_BYTES + 1)
    else:
        with open(path, "rb") as fh:
            data = read_bounded(fh, MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise ValueError(f"larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB; not a document")
    return data


def parse_one(path: str, kind: str | None, fmt: str, input_fmt: str = "auto", base: str | None = None) -> Outcome:
    """Read, parse and serialize one input; never raises (errors become the Outcome's error).

    A raw text is parsed; zzgov's own records (JSON, JSONL, YAML; see zzgov.inputs) are read
    back, checked and written again, so `zzgov parse X | zzgov parse -` is `zzgov parse X`.
    `base`: the folder the output goes into, which `source.path` is written relative to;
    None for standard output (an absolute path)."""
    from zzgov.api import parse_bytes
    from zzgov.emit import dumps_bytes
    from zzgov.inputs import input_format, source_path_for
    from zzgov.text.decode import DecodeError

    stem = "stdin" if path == STDIN else Path(path).stem
    # A parse makes many small objects and almost no reference cycles; the cyclic collector
    # would rescan the growing record graph again and again, making a long document cost
    # more than linear time. Reference counting frees everything as usual; cycles left over
    # are collected once the collector is back on, between documents.
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = read_input(path)
        how = input_format(path, data, input_fmt)
        if how != "text":
            return _reread(path, stem, data, how, fmt, base)
        doc = parse_bytes(data, kind=kind, doc_id=stem, path=source_path_for(path, base))
        output = dumps_bytes(doc, fmt)
        return Outcome(path, stem, output, None, parts=((stem, output),))
    except DecodeError as exc:
        return Outcome(path, stem, None, str(exc))
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        return Outcome(path, stem, None, _one_line(exc), traceback.format_exc())
    except Exception as exc:  # a parser bug must not stop the batch
        return Outcome(path, stem, None, f"internal error: {_one_line(exc)}", traceback.format_exc())
    finally:
        if collecting:
            gc.enable()


def _reread(path: str, stem: str, data: bytes, how: str, fmt: str, base: str | None) -> Outcome:
    """A record input written again: every record valid, or the input fails as a whole (a
    file under `-o` never silently lacks one of its records).  Several records go out as
    JSON lines under `json`, as several inputs do."""
    from zzgov.emit import dumps_bytes
    from zzgov.inputs import rebase_source, record_items
    from zzgov.validate import Problem

    docs, problems = [], []
    for item in record_items(path, data, how):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            docs.append(rebase_source(item[1], path, base))
    if problems:
        more = f" (and {len(problems) - 1} more; `zzgov validate` lists them)" if len(problems) > 1 else ""
        return Outcome(path, stem, None, f"{problems[0].path}: {problems[0].message}{more}")
    if not docs:
        return Outcome(path, stem, None, "no records")
    if len(docs) > 1 and fmt == "json":
        fmt = "jsonl"
    parts = tuple((d.id, dumps_bytes(d, fmt)) for d in docs)
    sep = b"---\n" if fmt == "yaml" else b""
    return Outcome(path, stem, sep.join(p[1] for p in parts), None, parts=parts)


def _worker(args: tuple) -> Outcome:
    return parse_one(*args)


# A few lines that take every parser through its lazy set-up (patterns, the unit registry,
# record validators): parsed once in the parent, they leave forked workers starting warm.
WARM_UP_TEXT = (
    "郑州市人民政府办公厅\n郑政办〔2020〕1号\n关于印发重点工作任务分解的通知\n"
    "一、稳增长\n1. 地区生产总值增长6%左右。\n责任领导：王明\n牵头单位：市发展改革委\n责任单位：市财政局、二七区政府\n"
)


def warm_up() -> None:
    """Import the parsing machinery and build its lazy state once in this process."""
    from zzgov.api import parse_text
    from zzgov.emit import dumps

    from zzgov.kinds import NAMES

    for kind in (None, *NAMES):
        dumps(parse_text(WARM_UP_TEXT, kind=kind), "jsonl")


def run_batch(files: list[str], kind: str | None, fmt: str, jobs: int = 1,
              on_done: Callable[[Outcome], None] | None = None, input_fmt: str = "auto",
              base: str | None = None) -> Iterator[Outcome]:
    """Outcomes in input order. With jobs > 1, files are parsed on `jobs` worker processes.
    `input_fmt` and `base` as in parse_one."""
    tasks = [(f, kind, fmt, input_fmt, base) for f in files]
    if jobs <= 1 or len(files) <= 1 or STDIN in files:
        for t in tasks:
            yield _worker(t)
        return
    import multiprocessing as mp

    fork = sys.platform.startswith("linux")
    if fork:
        # Workers are forked from this process: set up once here rather than once per worker,
        # and keep the collector away from the shared start-up objects (copy-on-write).
        warm_up()
        gc.freeze()
    yield from _in_order(tasks, min(jobs, len(tasks)), mp.get_context("fork" if fork else "spawn"))


# Results parsed ahead of the next one due, per worker: output stays in input order, and a
# slow document holds back at most this many finished ones in memory.
AHEAD_PER_WORKER = 4
# Tasks sent to a worker before it has answered: with two, its next document is already
# waiting in its pipe while the parent writes out the last one, so it never sits idle.
IN_FLIGHT = 2


def _serve(conn, parent_pid: int, inherited: list[int]) -> None:
    """A worker process: parse each task received on `conn` and send its Outcome back, until
    the parent sends None or goes away.

    `inherited`: descriptors of the parent's ends of the workers' pipes, this one's among
    them, which a forked worker holds copies of: closed, so that the parent's death reads
    as the end of the pipe.  On Linux the kernel also kills the worker when the parent dies
    (PR_SET_PDEATHSIG), whatever it is doing: SIGKILL of the parent leaves nothing behind."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's clean-up handler
    _die_with_parent(parent_pid)
    for fd in inherited:
        try:
            os.close(fd)
        except OSError:
            pass
    try:
        while True:
            task = conn.recv()
            if task is None:
                return
            conn.send(_worker(task))
    except (EOFError, OSError):  # the parent has gone
        return


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux), and exit now if the
    parent died before the request was made."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # a libc without prctl: the pipe's end still tells
            pass
    if os.getppid() != parent_pid:
        os._exit(0)


class _Worker:
    """A worker process, its end of the pipe and the indices of the tasks sent to it and not
    yet answered, oldest first (it answers in the order it was sent them)."""

    def __init__(self, ctx, others: list[_Worker] = ()) -> None:
        self.conn, child = ctx.Pipe()
        # A forked worker inherits the parent's end of its own pipe and of the pipes of the
        # workers started before it; a spawned one inherits nothing.
        forked = ctx.get_start_method() == "fork"
        inherited = [w.conn.fileno() for w in (*others, self)] if forked else []
        self.proc = ctx.Process(target=_serve, args=(child, os.getpid(), inherited), daemon=True)
        self.proc.start()
        child.close()
        self.tasks: deque[int] = deque()

    def stop(self, now: bool) -> None:
        try:
            if now:
                self.proc.terminate()
            else:
                self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(timeout=None if not now else 5)
        self.conn.close()


def _died(task: tuple, proc) -> Outcome:
    path = task[0]
    code = proc.exitcode
    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
    return Outcome(path, Path(path).stem, None, f"the worker process parsing it died ({how})")


def _replace(workers: list[_Worker], w: _Worker, ctx) -> None:
    """A new worker in the place of `w`, which has died."""
    w.proc.join()
    w.conn.close()
    workers[workers.index(w)] = _Worker(ctx, [o for o in workers if o is not w])


def _in_order(tasks: list[tuple], jobs: int, ctx) -> Iterator[Outcome]:
    """Outcomes of `tasks`, in order, parsed on `jobs` processes that are kept supplied with
    the next tasks.

    Hand-rolled rather than multiprocessing.Pool: the pool's three helper threads cost the
    parent about a millisecond of CPU per document (a fifth of a 2-core machine's spare
    capacity for `--jobs 2`), and a pool whose worker dies never returns that task's
    result, so `imap` waits for ever.  Here a worker that dies (killed, out of memory) costs
    only the document it was parsing, reported as an error; it is replaced, and the tasks
    queued behind that document go to the new worker."""
    from multiprocessing.connection import wait

    workers: list[_Worker] = []
    retry: deque[int] = deque()  # tasks a dead worker had queued, sent again first
    done: dict[int, Outcome] = {}
    sent = due = 0
    finished = False

    def next_task() -> int | None:
        nonlocal sent
        if retry:
            return retry.popleft()
        if sent < len(tasks) and sent < due + AHEAD_PER_WORKER * jobs:
            sent += 1
            return sent - 1
        return None

    try:
        for _ in range(jobs):  # inside the try: an interrupt while starting them stops them
            workers.append(_Worker(ctx, workers))
        while due < len(tasks):
            for w in sorted(workers, key=lambda w: len(w.tasks)):  # the least busy first
                while len(w.tasks) < IN_FLIGHT:
                    i = next_task()
                    if i is None:
                        break
                    try:
                        w.conn.send(tasks[i])
                    except OSError:  # it has died: what it owes is settled below
                        retry.appendleft(i)
                        if not w.tasks:  # it owes nothing, so nothing below would notice
                            _replace(workers, w, ctx)
                        break
                    w.tasks.append(i)
            for conn in wait([w.conn for w in workers if w.tasks]):
                w = next(w for w in workers if w.conn is conn)
                try:
                    done[w.tasks[0]] = conn.recv()
                    w.tasks.popleft()
                except (EOFError, OSError):
                    w.proc.join()  # for its exit status
                    done[w.tasks[0]] = _died(tasks[w.tasks[0]], w.proc)
                    retry.extendleft(reversed(list(w.tasks)[1:]))
                    _replace(workers, w, ctx)
            while due in done:
                yield done.pop(due)
                due += 1
        finished = True
    finally:
        for w in workers:
            w.stop(now=not finished)
