"""The command line: a thin click layer over the library (options, I/O, exit codes).

Exit codes: 0 success; 1 some input was invalid or could not be parsed (the rest was still
processed and written); 2 usage errors.  Errors are one line on stderr (`zzgov: error: …`);
`-v` adds tracebacks.  `-` or no PATH reads standard input.  Broken pipes (`| head`) end
quietly.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from zzgov import __version__

KIND_CHOICES = ("notice", "report", "news", "unknown")


def _err(msg: str) -> None:
    click.echo(f"zzgov: error: {msg}", err=True)


def _quiet_broken_pipe(fn):
    """`zzgov parse … | head` must not print a traceback when head closes the pipe."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)

    return wrapper


def format_option(choices: tuple[str, ...], default: str | None = None):
    """The one --format option every command shares (sqlite-utils style)."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=bool(default),
        help="Output format.",
    )


verbose_option = click.option("-v", "--verbose", is_flag=True, help="Show tracebacks for errors.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zzgov")
def cli() -> None:
    """Turn Chinese government documents into structured, verifiable records."""


@cli.command()
@click.argument("paths", nargs=-1, type=str)
@format_option(("json", "jsonl", "yaml"))
@click.option("-o", "--output", "outdir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one file per input into this directory (atomically).")
@click.option("--kind", type=click.Choice(KIND_CHOICES), help="Skip kind detection and parse as this kind.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Parse on this many processes (output order and bytes do not change).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: on when writing to -o from a terminal).")
@verbose_option
@_quiet_broken_pipe
def parse(paths, fmt, outdir, kind, jobs, progress, verbose):
    """Parse documents into Document records.

    One file without -o prints one record (JSON by default); several files or a directory
    print JSON lines, one record per input, in path order.  PATH may be `-` for stdin.
    """
    from zzgov.batch import expand_paths, run_batch
    from zzgov.emit import atomic_write, safe_output_name

    files, missing = expand_paths(paths or ("-",))
    failed = False
    for p, msg in missing:
        _err(f"{p}: {msg}")
        failed = True
    single = len(paths) <= 1 and len(files) == 1 and not (paths and Path(paths[0]).is_dir())
    if fmt is None:
        fmt = "json" if (single or outdir) else "jsonl"
    stream_fmt = fmt if (single or outdir) else ("yaml" if fmt == "yaml" else "jsonl")
    suffix = {"json": ".json", "jsonl": ".jsonl", "yaml": ".yaml"}[fmt]
    used_names: dict[str, int] = {}
    show = progress if progress is not None else (outdir is not None and sys.stderr.isatty() and len(files) > 1)
    bar = _progress(len(files)) if show else None
    first = True
    try:
        for out in run_batch(files, kind, stream_fmt, jobs):
            if bar:
                bar.advance()
            if out.error:
                failed = True
                _err(f"{out.path}: {out.error}")
                if verbose and out.detail:
                    click.echo(out.detail, err=True)
                continue
            if outdir is not None:
                name = safe_output_name(out.stem, suffix)
                n = used_names.get(name, 0) + 1
                used_names[name] = n
                if n > 1:  # two inputs with the same stem: keep both, deterministically
                    name = safe_output_name(f"{out.stem}~{n}", suffix)
                atomic_write(outdir / name, out.output)
            else:
                text = out.output
                if stream_fmt == "yaml" and not single and not first:
                    text = "---\n" + text
                sys.stdout.write(text)
                sys.stdout.flush()
            first = False
    finally:
        if bar:
            bar.stop()
    sys.exit(1 if failed else 0)


class _progress:
    """A rich progress bar on stderr, imported only when shown."""

    def __init__(self, total: int):
        from rich.progress import Progress

        self._p = Progress(transient=True, console=_stderr_console())
        self._p.start()
        self._t = self._p.add_task("parsing", total=total)

    def advance(self) -> None:
        self._p.advance(self._t)

    def stop(self) -> None:
        self._p.stop()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=str)
@verbose_option
@_quiet_broken_pipe
def validate(files, verbose):
    """Check JSON, JSONL or YAML files of Document records against the schema.

    Prints `file: record path: message` for each problem and exits 1 if there is any.
    """
    from zzgov.validate import validate_text

    bad = False
    for name in files:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            text = data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            _err(f"{name}: cannot read: {exc.strerror if isinstance(exc, OSError) else 'not UTF-8'}")
            bad = True
            continue
        count, problems = validate_text(name, text)
        for p in problems:
            click.echo(str(p))
        if problems:
            bad = True
        elif verbose:
            click.echo(f"{name}: {count} valid record(s)", err=True)
    sys.exit(1 if bad else 0)


@cli.command()
@_quiet_broken_pipe
def schema():
    """Print the JSON Schema of a Document record."""
    import json

    from zzgov.models import Document

    click.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    try:
        cli(prog_name="zzgov")
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
