"""Past one machine: the same parse mapped over a `dask.bag` of paths, written as JSONL partitions.

Optional: needs the `dask` extra (`pip install 'zzgov[dask]'`: dask[bag], and distributed for a
cluster).  Importing this module does not import dask; the functions do, and say what to install
when it is missing.

    from zzgov.dask import to_jsonl
    result = to_jsonl(["archive/"], "out/")               # this machine, one process per core
    result.documents, result.errors, result.parts

    from distributed import Client
    with Client("tcp://scheduler:8786"):                   # a real cluster: every worker must see
        to_jsonl(["/shared/archive"], "/shared/out")       # the inputs and out/ at the same paths

    python -m zzgov.dask archive/ -o out/ --scheduler tcp://scheduler:8786

Paths are made absolute here, on the client, before any work is sent: a worker runs in a
folder of its own, where a relative path names nothing.  A worker that cannot see an input
reports it as that input's error; one that cannot see the output folder stops the run, both
saying that every worker must see the paths the client sees (the README's "Past one machine").

Output: `out/part-00000.jsonl`, `part-00001.jsonl`, … one per partition, in path order; each
holds one JSON line per input that parsed, so the parts concatenated are byte-identical to
`zzgov parse archive/ --format jsonl`.  Inputs that fail are left out and reported (path,
message) in `result.errors`, as `zzgov parse` reports them.  Each part is written by the worker
that parsed it, streaming to a temporary file renamed into place when complete, so a worker
holds one document at a time and a half-written part is never seen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from zzgov.batch import Outcome, expand_paths, parse_one
from zzgov.kinds import NAMES

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag

INSTALL_HINT = "zzgov.dask needs dask: pip install 'zzgov[dask]' (dask[bag]; distributed for a cluster)"
PART_NAME = "part-{:05d}.jsonl"


def _require_dask():
    """Import dask.bag, or raise ImportError saying what to install."""
    try:
        import dask
        import dask.bag
    except ImportError as exc:
        raise ImportError(f"{INSTALL_HINT} ({exc})") from exc
    return dask


def _files(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> tuple[list[str], list[tuple[str, str]]]:
    """Absolute paths, resolved here on the client: a worker runs in a directory of its own,
    where a relative path names nothing (or something else)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return expand_paths([os.path.abspath(os.fspath(p)) for p in paths])


def _where() -> str:
    """This worker, for messages: its address when it is a distributed worker, else the host."""
    try:
        from distributed import get_worker

        return f"worker {get_worker().address}"
    except (ImportError, ValueError):
        import socket

        return f"host {socket.gethostname()}"


SHARED_PATHS = "every worker must see the inputs and the output folder at the same paths as the client"


def paths_bag(paths: str | os.PathLike | Iterable[str | os.PathLike], *, npartitions: int | None = None,
              partition_size: int | None = None) -> "dask.bag.Bag":
    """A bag of the input files (directories expanded recursively, in `zzgov parse` order).

    Paths that do not exist raise FileNotFoundError here, before any work is scheduled."""
    _require_dask()
    import dask.bag as db

    files, missing = _files(paths)
    if missing:
        raise FileNotFoundError(f"{missing[0][0]}: {missing[0][1]}")
    if not files:
        raise ValueError("no input files")
    if npartitions is not None:
        npartitions = max(1, min(npartitions, len(files)))
    return db.from_sequence(files, npartitions=npartitions, partition_size=partition_size)


def parse_bag(bag: "dask.bag.Bag", *, kind: str | None = None, fmt: str = "jsonl") -> "dask.bag.Bag":
    """Map the parse over a bag of paths: a bag of `zzgov.batch.Outcome` (path, stem, output, error).

    For pipelines of your own; `to_jsonl` writes files without holding outputs in memory."""
    _require_dask()
    return bag.map(parse_one, kind, fmt)


@dataclass(frozen=True)
class PartResult:
    path: str  # the part file written
    documents: int
    errors: list[tuple[str, str]]


@dataclass
class DaskResult:
    parts: list[Path] = field(default_factory=list)  # in order
    documents: int = 0  # records written
    errors: list[tuple[str, str]] = field(default_factory=list)  # (input path, one-line message)


def write_part(paths: Sequence[str], index: int, outdir: str, kind: str | None = None) -> PartResult:
    """Parse `paths` in order and stream their JSON lines into outdir/part-<index>.jsonl (atomic).

    Runs on a worker; only one document is in memory at a time."""
    from zzgov.emit.atomic import atomic_path

    target = os.path.join(outdir, PART_NAME.format(index))
    if not os.path.isdir(outdir):
        raise FileNotFoundError(f"{outdir}: no such folder on {_where()}; {SHARED_PATHS}")
    docs = 0
    errors: list[tuple[str, str]] = []
    with atomic_path(target) as tmp, open(tmp, "wb") as fh:
        for p in paths:
            if not os.path.exists(p):  # the client saw it: this worker does not share its disk
                errors.append((p, f"not found on {_where()}; {SHARED_PATHS}"))
                continue
            out: Outcome = parse_one(p, kind, "jsonl")
            if out.error is not None:
                errors.append((out.path, out.error))
                continue
            fh.write(out.output)
            docs += 1
        fh.flush()
        os.fsync(fh.fileno())
    return PartResult(target, docs, errors)



def _default_scheduler() -> Any:
    """The active distributed Client if there is one, else one process per core on this machine
    (dask's default for delayed work is threads, which the GIL makes no faster than one)."""
    import dask

    if dask.config.get("scheduler", None) is not None:
        return None  # the user chose one with dask.config.set(scheduler=...)
    try:
        from distributed import default_client

        return default_client()
    except (ImportError, ValueError):
        return "processes"


def to_jsonl(paths: str | os.PathLike | Iterable[str | os.PathLike] | "dask.bag.Bag", outdir: str | os.PathLike, *,
             kind: str | None = None, npartitions: int | None = None, partition_size: int | None = None,
             scheduler: Any = None) -> DaskResult:
    """Parse every input and write JSONL partitions into outdir; see the module docstring.

    `paths`: files and directories, or a bag of file paths (from `paths_bag`).  `scheduler`:
    anything `dask.compute` takes ("processes", "threads", "sync", a distributed Client); by
    default the active Client, else one process per core.  Parts left in outdir by an earlier
    run with more partitions are removed, so outdir/part-*.jsonl is always this run's output."""
    dask = _require_dask()
    import dask.bag as db
    from dask import delayed

    bag = paths if isinstance(paths, db.Bag) else paths_bag(paths, npartitions=npartitions,
                                                            partition_size=partition_size)
    out = Path(os.path.abspath(outdir))  # the workers' working directories are not ours
    out.mkdir(parents=True, exist_ok=True)
    tasks = [delayed(write_part, pure=False)(part, i, str(out), kind) for i, part in enumerate(bag.to_delayed())]
    if scheduler is None:
        scheduler = _default_scheduler()
    kwargs = {} if scheduler is None else {"scheduler": scheduler}
    results: tuple[PartResult, ...] = dask.compute(*tasks, **kwargs)
    keep = {PART_NAME.format(i) for i in range(len(results))}
    for stale in out.glob("part-*.jsonl"):
        if stale.name not in keep:
            stale.unlink()
    res = DaskResult()
    for r in results:
        res.parts.append(out / Path(r.path).name)
        res.documents += r.documents
        res.errors.extend(r.errors)
    return res


def main(argv: Sequence[str] | None = None) -> None:
    """`python -m zzgov.dask PATH... -o OUT [--scheduler ADDRESS] [--partitions N] [--kind K]`."""
    import sys

    import click

    from zzgov.cliutil import err

    @click.command(context_settings={"help_option_names": ["-h", "--help"]})
    @click.argument("paths", nargs=-1, required=True, type=str)
    @click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
                  help="Directory for part-NNNNN.jsonl (shared by all workers on a cluster).")
    @click.option("--kind", type=click.Choice(NAMES),
                  help="Skip kind detection and parse as this kind.")
    @click.option("--partitions", type=click.IntRange(1), help="Number of partitions (default: dask's choice).")
    @click.option("--scheduler", default=None,
                  help="A distributed scheduler address (tcp://host:8786), or processes / threads / sync "
                       "(default: processes on this machine).")
    def command(paths, outdir, kind, partitions, scheduler):
        """Parse PATHS on a Dask cluster into JSONL partitions in OUT (zzgov.dask)."""
        client = None
        try:
            _require_dask()
            if scheduler and "://" in scheduler:
                try:
                    from distributed import Client
                except ImportError as exc:
                    raise ImportError(f"{INSTALL_HINT} ({exc})") from exc
                client = Client(scheduler)
                scheduler = client
            res = to_jsonl(list(paths), outdir, kind=kind, npartitions=partitions, scheduler=scheduler)
        except (ImportError, OSError, ValueError) as exc:  # OSError: also a scheduler out of reach
            err(str(exc) or type(exc).__name__)
            sys.exit(1)
        finally:
            if client is not None:
                client.close()
        for p, msg in res.errors:
            err(f"{p}: {msg}")
        click.echo(f"{res.documents} document(s) in {len(res.parts)} part(s) in {outdir}", err=True)
        sys.exit(1 if res.errors else 0)

    command.main(args=list(argv) if argv is not None else None, prog_name="python -m zzgov.dask")


if __name__ == "__main__":
    main()
