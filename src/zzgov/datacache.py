"""Data zzgov derives from the files it ships (the parsed rule and unit YAML), kept as JSON in
the user's cache folder, so that a run need neither import PyYAML nor parse the files again:
about a tenth of the CPU time of a run over one small file.

Only data is kept: never code, compiled patterns or anything an engine runs.  The cache can
only make a run faster, never change its answer or stop it:
- An entry is named by a digest of everything it was derived from (each source's bytes and
  FORMAT), so an edited source, another zzgov version or another entry simply misses.
- An entry holds the digest of its own payload: a damaged, truncated or foreign file misses.
- Only plain JSON data is written (str, int, float, bool, None, lists, string-keyed dicts),
  which JSON gives back exactly; anything else is built on every run instead.
- A read never blocks or reads without bound: the file is opened without following a link
  and without waiting for a writer, and must be a regular file of at most MAX_BYTES.
- A write goes to a temporary file renamed into place; a folder that cannot be made or
  written, a full disk or any other failure is ignored (the data was built anyway).

The folder: $ZZGOV_CACHE_DIR, or no cache when it is set but empty; else
$XDG_CACHE_HOME/zzgov; else ~/.cache/zzgov.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import stat
from typing import Any, Callable, Sequence

FORMAT = b"zzgov-data 1"  # part of every key: a change of layout or builder misses
MAX_BYTES = 8 << 20  # far above any entry (the rule files parse to ~0.2 MB)
_HEADER = b"zzgov-data 1 sha256="


def cache_dir() -> str | None:
    """The cache folder, or None when there is none to use."""
    chosen = os.environ.get("ZZGOV_CACHE_DIR")
    if chosen is not None:
        return chosen or None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "zzgov")
    home = os.path.expanduser("~")
    return os.path.join(home, ".cache", "zzgov") if os.path.isabs(home) else None


def load(name: str, sources: Sequence[bytes], build: Callable[[], Any]) -> Any:
    """`build()`, or what an earlier run's `build()` gave for the same `sources` (the bytes
    the data is derived from; `name` tells entries apart)."""
    folder = cache_dir()
    if folder is None:
        return build()
    key = hashlib.sha256(FORMAT + b"\0" + name.encode("utf-8"))
    for source in sources:
        key.update(b"%d\0" % len(source))
        key.update(source)
    path = os.path.join(folder, f"{name}-{key.hexdigest()[:32]}.json")
    found = _read(path)
    if found is not None:
        return found[0]
    data = build()
    payload = _payload(data)
    if payload is not None:
        _write(folder, path, payload)
    return data


def _read(path: str) -> tuple[Any] | None:
    """(data,) from the entry at `path`, or None for a miss of any kind."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        chunks, left = [], info.st_size
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)
    header, newline, payload = raw.partition(b"\n")
    if not newline or not header.startswith(_HEADER):
        return None
    if header[len(_HEADER):] != hashlib.sha256(payload).hexdigest().encode("ascii"):
        return None
    try:
        return (json.loads(payload.decode("utf-8")),)
    except (ValueError, RecursionError):  # cannot pass the digest check; kept as a guard
        return None


def _payload(data: Any) -> bytes | None:
    """The entry's payload, or None when JSON would not give `data` back exactly."""
    if not _plain(data):
        return None
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (ValueError, UnicodeEncodeError, RecursionError):  # e.g. a lone surrogate
        return None


def _plain(x: Any, depth: int = 0) -> bool:
    """Whether `x` is made only of what JSON gives back as it was: a tuple would come back a
    list, a date or an int dict key would not come back at all."""
    if depth > 100:
        return False
    if x is None or type(x) in (str, int, bool):
        return True
    if type(x) is float:
        return math.isfinite(x)
    if type(x) is list:
        return all(_plain(v, depth + 1) for v in x)
    if type(x) is dict:
        return all(type(k) is str and _plain(v, depth + 1) for k, v in x.items())
    return False


def _write(folder: str, path: str, payload: bytes) -> None:
    import tempfile

    tmp = None
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".zzgov-data-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_HEADER + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
