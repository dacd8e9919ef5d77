"""The command line: a thin click layer over the library (options, I/O, exit codes).

Exit codes: 0 success; 1 some input was invalid or could not be parsed (the rest was still
processed and written), or an output could not be written; 2 usage errors; 130 Ctrl-C, 143
SIGTERM.  Errors are one line on stderr (`zzgov: error: …`);
`-v` adds tracebacks.  `-` or no PATH reads standard input.  Broken pipes (`| head`) end
quietly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from zzgov import __version__
from zzgov.cliutil import chosen_input_format, err, format_option, input_option, quiet_broken_pipe, verbose_option
from zzgov.kinds import NAMES

KIND_CHOICES = NAMES
_err = err
_quiet_broken_pipe = quiet_broken_pipe
COMMANDS_DIR = Path(__file__).resolve().parent / "commands"


class LazyGroup(click.Group):
    """Built-in commands plus one per module in zzgov/commands/, imported on use."""

    def _lazy_names(self) -> list[str]:
        try:
            names = os.listdir(COMMANDS_DIR)
        except OSError:
            return []
        return sorted(n[:-3].replace("_", "-") for n in names if n.endswith(".py") and not n.startswith("_"))

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(self._lazy_names()))

    def get_command(self, ctx, name):
        cmd = super().get_command(ctx, name)
        if cmd is not None or name not in self._lazy_names():
            return cmd
        import importlib

        module = importlib.import_module(f"zzgov.commands.{name.replace('-', '_')}")
        return module.command

    def resolve_command(self, ctx, args):
        name, cmd, rest = super().resolve_command(ctx, args)
        if cmd is not None and any(a in ctx.help_option_names for a in rest):
            with_examples(cmd, name)  # read only for --help: start-up time matters in pipelines
        return name, cmd, rest

    def format_commands(self, ctx, formatter):
        """The command list of `zzgov --help`, reading each lazy command's help from its
        source instead of importing it (imports would triple the start-up time)."""
        rows = []
        lazy = set(self._lazy_names()) - set(super().list_commands(ctx))
        for name in self.list_commands(ctx):
            if name in lazy:
                help_text = _docstring_of_command(COMMANDS_DIR / f"{name.replace('-', '_')}.py")
                rows.append((name, _short_help(help_text, formatter.width - 6 - len(name))))
            else:
                cmd = self.get_command(ctx, name)
                if cmd is not None and not cmd.hidden:
                    rows.append((name, cmd.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


EXAMPLES_FILE = Path(__file__).resolve().parent / "data" / "cli_examples.yaml"


def examples() -> dict[str, list[dict]]:
    """Command name -> [{cmd, does}] from data/cli_examples.yaml."""
    import yaml

    with open(EXAMPLES_FILE, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def with_examples(cmd: click.Command, name: str) -> click.Command:
    """`cmd` with its examples as the epilog of its --help (kept as laid out: `\\b`)."""
    found = examples().get(name) or []
    if found:
        lines = ["\b", "Examples:"]
        for ex in found:
            lines += [f"  {ex['cmd']}", f"      {ex['does']}"]
        cmd.epilog = "\n".join(lines)
    return cmd


def _short_help(text: str, limit: int) -> str:
    """The first paragraph on one line, cut to `limit` with `...` as click does."""
    first = " ".join(text.strip().split("\n\n")[0].split())
    if len(first) <= limit:
        return first
    cut = first[: max(1, limit - 3)]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "..."


def _docstring_of_command(path: Path) -> str:
    """The docstring of the function a command module decorates as `command`."""
    import ast

    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return ""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "command":
            return ast.get_docstring(node) or ""
    return ""


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zzgov")
def cli() -> None:
    """Turn Chinese government documents into structured, verifiable records."""


@cli.command()
@click.argument("paths", nargs=-1, type=str)
@format_option(("json", "jsonl", "yaml"), help="Output format (default: json for one input, jsonl for several).")
@click.option("-o", "--output", "outdir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one file per input into this directory (atomically).")
@click.option("--kind", type=click.Choice(KIND_CHOICES), help="Skip kind detection and parse as this kind.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Parse on this many processes (output order and bytes do not change).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: on when writing to -o from a terminal).")
@input_option
@verbose_option
@_quiet_broken_pipe
def parse(paths, fmt, outdir, kind, jobs, progress, verbose):
    """Parse documents into Document records.

    One file without -o prints one record (JSON by default); several files or a directory
    print JSON lines, one record per input, in path order.  PATH may be `-` for stdin.

    zzgov's own records (JSON, JSONL, YAML) are read back, checked and written again, so
    `zzgov parse X | zzgov parse -` prints what `zzgov parse X` prints.  `source.path` is
    absolute on standard output and relative to DIR under -o, so later commands find the
    source from any directory.
    """
    from zzgov.batch import expand_paths, run_batch
    from zzgov.emit.stdout import write_stdout

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
    if outdir is not None:
        # imported for -o only: a run that prints its records has no use for temporary files
        from zzgov.emit.atomic import OutputNames, atomic_write, remove_stale_temporaries, sync_directory

        names = OutputNames(suffix)
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _err(f"{outdir}: cannot create the output directory: {(exc.strerror or str(exc)).lower()}")
            sys.exit(1)
        remove_stale_temporaries(outdir)  # those of a run that was killed
    show = progress if progress is not None else (outdir is not None and sys.stderr.isatty() and len(files) > 1)
    bar = _progress(len(files)) if show else None
    first = True
    try:
        base = str(outdir) if outdir is not None else None
        for out in run_batch(files, kind, stream_fmt, jobs, input_fmt=chosen_input_format(), base=base):
            if bar:
                bar.advance()
            if out.error:
                failed = True
                _err(f"{out.path}: {out.error}")
                if verbose and out.detail:
                    click.echo(out.detail, err=True)
                continue
            if outdir is not None:
                for stem, output in out.parts:
                    name = names.name(stem)  # safe, and unique within the run
                    try:
                        atomic_write(outdir / name, output, sync_dir=False)
                    except OSError as exc:  # disk full, name refused: report it, keep going
                        failed = True
                        _err(f"{out.path}: cannot write {outdir / name}: {(exc.strerror or str(exc)).lower()}")
            else:
                data = out.output
                if stream_fmt == "yaml" and not single and not first:
                    data = b"---\n" + data
                write_stdout(data)
            first = False
    finally:
        if bar:
            bar.stop()
        if outdir is not None:
            sync_directory(outdir)  # every rename of the batch made durable at once
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
    from zzgov.emit.stdout import StdoutError, write_stdout_text
    from zzgov.validate import Unreadable

    bad = False
    for name in files:
        try:
            count = _validate_one(name, write_stdout_text)
        except (OSError, Unreadable) as exc:
            if isinstance(exc, (BrokenPipeError, StdoutError)):
                raise
            what = (exc.strerror or str(exc)).lower() if isinstance(exc, OSError) else str(exc)
            _err(f"{name}: cannot read: {what}")
            bad = True
            continue
        if count < 0:
            bad = True
        elif verbose:
            click.echo(f"{name}: {count} valid record(s)", err=True)
    sys.exit(1 if bad else 0)


def _validate_one(name: str, write) -> int:
    """Check one file (`-`: standard input) as it is read, writing a line for each problem
    as it is found; the number of records, or -1 when there was a problem."""
    import contextlib

    from zzgov.validate import Problem, validate_stream

    with (open(name, "rb") if name != "-" else contextlib.nullcontext(sys.stdin.buffer)) as fh:
        problems = False
        for item in validate_stream(name, fh):
            if isinstance(item, Problem):
                problems = True
                write(f"{item}\n")
            else:
                return -1 if problems else item
    return -1


@cli.command()
@_quiet_broken_pipe
def schema():
    """Print the JSON Schema of a Document record."""
    import json

    from zzgov.emit.stdout import write_stdout_text
    from zzgov.models import Document

    write_stdout_text(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


class _Stopped(BaseException):
    """SIGINT (Ctrl-C) or SIGTERM, raised where the run is, so that its clean-up runs (the
    temporary file of an unfinished output removed, worker processes stopped).  Not a
    KeyboardInterrupt, which click would turn into `Aborted!` and exit 1, the code for bad
    input; nor an Exception, which a command's error handling could take for a bad file."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


# The signal a run received.  Python ignores an exception raised where it cannot be passed on
# (a weakref callback, such as an import lock's, a __del__): the stop is then taken when the
# command ends, so that a Ctrl-C is never lost.
_received: list[int] = []


def _stop(signum, frame) -> None:
    _received.append(signum)
    raise _Stopped(signum)


def main() -> None:
    """The `zzgov` command: exit 130 with `interrupted` on Ctrl-C (143, `terminated`, on
    SIGTERM), and a one-line error for any failure to write that escaped a command."""
    import signal

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _stop)
    try:
        try:
            cli(prog_name="zzgov")
        except SystemExit:
            if _received:  # the stop was swallowed on its way
                raise _Stopped(_received[0]) from None
            raise
    except (_Stopped, KeyboardInterrupt) as exc:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the message
        from zzgov.emit.atomic import remove_pending

        remove_pending()  # a temporary file the signal caught before its clean-up could start
        signum = exc.signum if isinstance(exc, _Stopped) else signal.SIGINT
        _err("interrupted" if signum == signal.SIGINT else "terminated")
        sys.exit(128 + signum)
    except OSError as exc:  # e.g. --help into a full disk; commands report their own
        if "-v" in sys.argv[1:] or "--verbose" in sys.argv[1:]:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        _err(f"{where}{(exc.strerror or str(exc) or type(exc).__name__).lower()}")
        from zzgov.cliutil import _stdout_to_devnull

        _stdout_to_devnull()
        sys.exit(1)


if __name__ == "__main__":
    main()
