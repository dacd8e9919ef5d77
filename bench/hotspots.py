"""Profile the parse of a benchmark corpus in one process (cProfile), to find hot spots.

    python bench/hotspots.py                  # the ~8 MB corpus, top 30 by own time and by cumulative
    python bench/hotspots.py small --top 50
    python bench/hotspots.py --by-kind        # seconds per MB for each document kind, no profiler

Runs `zzgov.batch.parse_one` (read, decode, detect, parse, serialize as JSON lines) on every
file, after one warm-up file so imports are not counted.  The full statistics go to
bench/out/profile-<corpus>.txt; `--by-kind` times each seed kind separately (best of 3).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402
from run import OUT  # noqa: E402


def by_kind() -> None:
    import json

    from zzgov.batch import parse_one

    seeds = make_corpus.seeds()
    parse_one(str(seeds[0]), None, "jsonl")
    print("| seed | kind | KB | ms | MB/s |\n|---|---|---:|---:|---:|")
    for p in seeds:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            out = parse_one(str(p), None, "jsonl")
            best = min(best, time.perf_counter() - t0)
        kind = json.loads(out.output)["kind"] if out.output else f"error: {out.error}"
        kb = p.stat().st_size / 1e3
        print(f"| {p.name} | {kind} | {kb:.0f} | {best * 1e3:.1f} | {kb / 1e3 / best:.2f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="medium", choices=make_corpus.ALL)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--by-kind", action="store_true")
    args = ap.parse_args(argv)
    if args.by_kind:
        by_kind()
        return 0
    from zzgov.batch import parse_one

    d = make_corpus.build(args.corpus)
    files = sorted(str(p) for p in d.iterdir())
    parse_one(files[0], None, "jsonl")  # warm-up: lazy imports, compiled patterns
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for f in files:
        parse_one(f, None, "jsonl")
    prof.disable()
    wall = time.perf_counter() - t0
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"profile-{args.corpus}.txt"
    target.write_text(buf.getvalue(), encoding="utf-8")
    mb = sum(Path(f).stat().st_size for f in files) / 1e6
    print(buf.getvalue())
    print(f"{len(files)} files, {mb:.2f} MB, {wall:.2f} s under the profiler ({mb / wall:.2f} MB/s); "
          f"written to {target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
