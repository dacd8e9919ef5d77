"""Checked writes to standard output.

Python's buffered writer can lose data on a nearly full disk: when the system writes only
part of a large block (a short write) it returns as if all was written, and the run exits 0
with a truncated record (`zzgov parse X > file`).  Here every byte goes to the descriptor by
`os.write`, whose count is checked, so a full disk, a quota or an I/O error is raised as
`StdoutError` for the command to report in one line.  Output is UTF-8 whatever the locale:
JSON, CSV and YAML are UTF-8 by contract, and an ASCII locale must not turn a row of Chinese
text into a UnicodeEncodeError.
"""

from __future__ import annotations

import os
import sys


class StdoutError(OSError):
    """Standard output could not take what was written (a full disk, a quota, an I/O error)."""

    def __str__(self) -> str:
        return f"cannot write to standard output: {(self.strerror or 'write failed').lower()}"


def _fail(exc: OSError) -> StdoutError:
    return StdoutError(exc.errno, exc.strerror or str(exc))


def write_stdout(data: bytes) -> None:
    """All of `data` to standard output, or StdoutError (BrokenPipeError for a closed pipe,
    which the commands end quietly on)."""
    out = sys.stdout
    try:
        out.flush()  # anything written through the text layer goes first
        buffer = getattr(out, "buffer", None)
        try:
            fd = (buffer or out).fileno()
        except (AttributeError, ValueError, OSError):  # io.StringIO, click's test runner
            fd = None
        if fd is None:
            _write_unbuffered_object(out, buffer, data)
            return
        if buffer is not None:
            buffer.flush()
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            if written <= 0:  # a device that takes nothing and says no error
                raise OSError(0, "the device took no more bytes")
            view = view[written:]
    except BrokenPipeError:
        raise
    except StdoutError:
        raise
    except OSError as exc:
        raise _fail(exc) from None


def _write_unbuffered_object(out, buffer, data: bytes) -> None:
    """Standard output without a descriptor: a test runner's in-memory stream."""
    if buffer is None:
        out.write(data.decode("utf-8", "surrogateescape"))
        out.flush()
        return
    written = buffer.write(data)
    if written is not None and written != len(data):
        raise OSError(0, f"short write: {written} of {len(data)} bytes")
    buffer.flush()


def write_stdout_text(text: str) -> None:
    """Text as UTF-8 to standard output (see write_stdout).  Lone surrogates, which UTF-8
    cannot hold, are written as `\\udNNN` escapes (in JSON output, the escape JSON has for
    them)."""
    write_stdout(text.encode("utf-8", "backslashreplace"))
