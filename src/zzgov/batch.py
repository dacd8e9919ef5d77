"""Batches of inputs: expand paths, parse each (optionally on several processes), and hand
results back in input order as each finishes, so output streams and memory stays bounded
by the largest document rather than the corpus.
"""

from __future__ import annotations

import os
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
    output: str | None  # serialized document, or None on error
    error: str | None  # one-line message
    detail: str | None = None  # traceback, shown with -v


def expand_paths(paths: Iterable[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to read, in order, and (path, message) for paths that cannot be read.

    Directories contribute their regular files recursively in sorted order, skipping hidden
    files and folders."""
    files: list[str] = []
    missing: list[tuple[str, str]] = []
    for p in paths:
        if p == STDIN:
            files.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for n in names:
                    if not n.startswith("."):
                        found.append(os.path.join(root, n))
            files.extend(sorted(found, key=lambda s: Path(s).relative_to(path).parts))
        elif path.exists():
            files.append(p)
        else:
            missing.append((p, "no such file or directory"))
    return files, missing


def _one_line(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()
    text = msg[0] if msg else type(exc).__name__
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror.lower()
    return text


def parse_one(path: str, kind: str | None, fmt: str) -> Outcome:
    """Read, parse and serialize one input; never raises (errors become the Outcome's error)."""
    from zzgov.api import parse_bytes
    from zzgov.emit import dumps
    from zzgov.text import DecodeError

    stem = "stdin" if path == STDIN else Path(path).stem
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
        doc = parse_bytes(data, kind=kind, doc_id=stem, path=path)
        return Outcome(path, stem, dumps(doc, fmt), None)
    except DecodeError as exc:
        return Outcome(path, stem, None, str(exc))
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        return Outcome(path, stem, None, _one_line(exc), traceback.format_exc())
    except Exception as exc:  # a parser bug must not stop the batch
        return Outcome(path, stem, None, f"internal error: {_one_line(exc)}", traceback.format_exc())


def _worker(args: tuple[str, str | None, str]) -> Outcome:
    return parse_one(*args)


def run_batch(files: list[str], kind: str | None, fmt: str, jobs: int = 1,
              on_done: Callable[[Outcome], None] | None = None) -> Iterator[Outcome]:
    """Outcomes in input order. With jobs > 1, files are parsed on a process pool."""
    tasks = [(f, kind, fmt) for f in files]
    if jobs <= 1 or len(files) <= 1 or STDIN in files:
        for t in tasks:
            yield _worker(t)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(processes=jobs) as pool:
        # imap keeps input order while workers run ahead; chunks of one keep memory bounded.
        yield from pool.imap(_worker, tasks, chunksize=1)
