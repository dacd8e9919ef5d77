"""`zzgov text FILE...`: the text zzgov parses, exactly as every record's span indexes it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from zzgov.cliutil import err, quiet_broken_pipe, verbose_option


@click.command(name="text")
@click.argument("paths", nargs=-1, type=str)
@click.option("-o", "--output", "outdir", type=click.Path(file_okay=False, path_type=Path),
              help="Write FILE's text to DIR/STEM.txt (UTF-8, atomically) instead of stdout.")
@verbose_option
@quiet_broken_pipe
def command(paths, outdir, verbose):
    """Print the text zzgov reads from each document (web page, Word file, PDF or text).

    For a .html/.docx/.pdf this is the extracted text (tables as tab-separated rows, a web
    page's metadata first); for a text file, the decoded text.  A record's span
    `start:end` indexes this text.  Several files need -o DIR.  `-` or none reads stdin.
    """
    from zzgov.batch import STDIN, expand_paths, read_input
    from zzgov.emit import atomic_write
    from zzgov.emit.atomic import OutputNames
    from zzgov.text.decode import DecodeError, decode

    files, missing = expand_paths(paths or (STDIN,))
    failed = False
    for p, msg in missing:
        err(f"{p}: {msg}")
        failed = True
    if len(files) > 1 and outdir is None:
        err("several documents: give -o DIR to write each one's text to DIR/STEM.txt")
        sys.exit(2)
    names = OutputNames(".txt")
    for path in files:
        try:
            text = decode(read_input(path)).text
        except DecodeError as exc:
            err(f"{path}: {exc}")
            failed = True
            continue
        except (OSError, ValueError) as exc:
            err(f"{path}: {(getattr(exc, 'strerror', None) or str(exc)).lower()}")
            failed = True
            continue
        data = text.encode("utf-8", errors="surrogatepass")
        if outdir is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            continue
        stem = "stdin" if path == STDIN else Path(path).stem
        target = outdir / names.name(stem)
        try:
            outdir.mkdir(parents=True, exist_ok=True)
            atomic_write(target, data)
        except OSError as exc:
            err(f"{path}: cannot write {target}: {(exc.strerror or str(exc)).lower()}")
            failed = True
    sys.exit(1 if failed else 0)
