"""Atomic output files: write a temporary file beside the target, then rename over it, so an
interrupted run never leaves a half-written output behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import regex

# Characters that could steer a name out of its directory or trouble a shell / file system.
_UNSAFE = regex.compile(r'[\x00-\x1f/\\:*?"<>|]+')


def safe_output_name(stem: str, suffix: str) -> str:
    """A file name that stays inside the output directory, whatever the input was called.

    >>> safe_output_name("../../etc/passwd", ".json")
    'etc_passwd.json'
    """
    name = _UNSAFE.sub("_", stem).strip(" ._") or "document"
    return name[:200] + suffix


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


# mkstemp creates 0600 files; outputs should get the usual permissions.
_FILE_MODE = _default_mode()


def atomic_write(path: Path, data: str | bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
