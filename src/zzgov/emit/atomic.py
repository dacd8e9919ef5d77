"""Atomic output files: write a temporary file beside the target, then rename over it, so an
interrupted run never leaves a half-written output behind, and output names that stay inside
their directory whatever the inputs were called."""

from __future__ import annotations

import os
import secrets
import stat

import regex
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


# Characters that could steer a name out of its directory or trouble a shell / file system /
# terminal: path separators, controls (C0, DEL, C1), line and paragraph separators,
# direction overrides, and the characters Windows forbids.
_UNSAFE = regex.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+')
_SURROGATES = regex.compile(r"[\ud800-\udfff]")
# Most file systems allow 255 bytes per name; keep room for the suffix, a `~N` tail and the
# temporary file's decoration.
MAX_STEM_BYTES = 200
_TMP_PREFIX = ".zzgov-"
_TMP_SUFFIX = ".tmp"
# A temporary file carries the id of the process writing it (`.zzgov-<pid>-<random>.tmp`), so a
# later run can tell the leftovers of a killed run (no such process) from the files of a
# run still writing; nameless ones from before ids were written are left an hour.
_TMP_NAME = regex.compile(r"\.zzgov-(?:(\d+)-)?[a-z0-9_]+\.tmp")
_UNNAMED_STALE_AFTER = 3600.0


def _fit(s: str, max_bytes: int) -> str:
    """s cut to at most max_bytes of UTF-8, on a character boundary."""
    b = s.encode("utf-8", "surrogatepass")
    if len(b) <= max_bytes:
        return s
    return b[:max_bytes].decode("utf-8", "ignore")


def _safe_stem(stem: str) -> str:
    # Lone surrogates stand for undecodable bytes in a file name; they cannot be UTF-8.
    name = _UNSAFE.sub("_", _SURROGATES.sub("_", stem)).strip(" ._")
    name = _fit(name, MAX_STEM_BYTES).rstrip(" ._")
    return name or "document"


def safe_output_name(stem: str, suffix: str) -> str:
    """A file name that stays inside the output directory, whatever the input was called.

    >>> safe_output_name("../../etc/passwd", ".json")
    'etc_passwd.json'
    >>> len(safe_output_name("郑" * 100, ".json").encode()) <= MAX_STEM_BYTES + len(".json")
    True
    """
    return _safe_stem(stem) + suffix


class OutputNames:
    """Unique, safe output names for one run, decided in input order.

    Two inputs that map to one name (`a/x.txt` and `b/x.txt`, `a:b` and `a_b`, `X` and `x` on
    a case-insensitive file system) get `x.json`, `x~2.json`, …; a `~N` name is never one an
    earlier input already took.

    >>> names = OutputNames(".json")
    >>> [names.name(s) for s in ("a:b", "a_b", "a_b~2", "A_B")]
    ['a_b.json', 'a_b~2.json', 'a_b~2~2.json', 'A_B~3.json']
    """

    def __init__(self, suffix: str):
        self.suffix = suffix
        self._taken: set[str] = set()

    def name(self, stem: str) -> str:
        base = _safe_stem(stem)
        name = base + self.suffix
        n = 1
        while name.casefold() in self._taken:
            n += 1
            tail = f"~{n}"
            name = _fit(base, MAX_STEM_BYTES - len(tail)) + tail + self.suffix
        self._taken.add(name.casefold())
        return name


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


# mkstemp creates 0600 files; outputs should get the usual permissions.
_FILE_MODE = _default_mode()


def _fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); harmless where directories cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temporary_prefix() -> str:
    """The name prefix of this process's temporary files and folders (`mkstemp(prefix=…,
    suffix=".tmp")`, `mkdtemp` alike), which remove_stale_temporaries knows as zzgov's."""
    return f"{_TMP_PREFIX}{os.getpid()}-"


def _process_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # another user's live process (EPERM), or kill is not allowed here
        return False
    return False


_cleaned: set[str] = set()


def remove_stale_temporaries(folder: str | Path) -> list[str]:
    """Remove from `folder` the temporary files zzgov left there in runs that were killed
    before they could (SIGKILL, a power cut): hidden `.zzgov-<pid>-….tmp` files, and folders
    (a CSV set being written), owned by this user, whose process is gone.  Once per folder
    and process; never raises (a folder that cannot be read is the write's to report).
    Returns the names removed."""
    import shutil
    import time

    key = os.path.abspath(folder)
    if key in _cleaned:
        return []
    _cleaned.add(key)
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = _TMP_NAME.fullmatch(entry.name)
        if not m:
            continue
        try:
            st = entry.stat(follow_symlinks=False)  # a link is never ours
            folder_of_ours = stat.S_ISDIR(st.st_mode) and m[1] is not None
            if not (stat.S_ISREG(st.st_mode) or folder_of_ours):
                continue
            if st.st_uid != getattr(os, "geteuid", lambda: st.st_uid)():
                continue
            stale = _process_gone(int(m[1])) if m[1] else now - st.st_mtime > _UNNAMED_STALE_AFTER
            if stale:
                if folder_of_ours:
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
                removed.append(entry.name)
        except (OSError, ValueError):
            continue
    return removed


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; on success it is renamed over `path`
    (readers see the old file or the new one, never a part), on failure it is removed.

    >>> with atomic_path("out/x.db") as tmp:   # doctest: +SKIP
    ...     sqlite3.connect(tmp).close()
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path.parent)
    fd, tmp = _new_temporary(path.parent)
    os.close(fd)
    with _replacing(tmp, path):
        yield Path(tmp)
    _fsync_dir(path.parent)


# The temporary files this process made and has not yet renamed or removed.  A signal can
# stop the run between a file's creation and the `try` that would remove it: the command's
# stop handler removes what is left here (remove_pending).
_PENDING: set[str] = set()


def _new_temporary(directory: Path) -> tuple[int, str]:
    """A new temporary file in directory (descriptor and name), known as pending from before
    it exists."""
    while True:
        name = os.path.join(directory, f"{temporary_prefix()}{secrets.token_hex(6)}{_TMP_SUFFIX}")
        _PENDING.add(name)
        try:
            return os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600), name
        except FileExistsError:
            _PENDING.discard(name)  # (not ours: another name)


def remove_pending() -> None:
    """Remove the temporary files this process made and neither renamed nor removed (a run
    stopped by Ctrl-C or SIGTERM)."""
    for name in sorted(_PENDING):
        try:
            os.unlink(name)
        except OSError:
            pass
    _PENDING.clear()


@contextmanager
def _replacing(tmp: str, path: Path) -> Iterator[None]:
    """Rename tmp over path when the block succeeds; remove tmp when it fails."""
    try:
        yield
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
        _PENDING.discard(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _PENDING.discard(tmp)
        raise


def atomic_write(path: Path, data: str | bytes, *, sync_dir: bool = True) -> None:
    """Write data to path atomically (see atomic_path), flushed to disk before the rename.

    sync_dir=False leaves making the rename durable to the caller: `sync_directory()` once
    after a batch of files rather than once per file.  Writes through the descriptor the
    temporary file was created with: one open per file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path.parent)
    fd, tmp = _new_temporary(path.parent)
    with _replacing(tmp, path):
        # Plain os.write on the descriptor, closed in one place.  A file object wrapped
        # around it (os.fdopen) could be half-built when Ctrl-C lands: its clean-up closed
        # the descriptor, a second close failed with EBADF, and that OSError replaced the
        # interruption, reported as a failed write instead of `interrupted`.
        try:
            view = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
    if sync_dir:
        _fsync_dir(path.parent)


def sync_directory(path: str | Path) -> None:
    """Make the renames into a directory durable: once after a batch written with
    sync_dir=False."""
    _fsync_dir(Path(path))
