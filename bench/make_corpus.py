"""Build the benchmark corpora from the seed files in data/raw/ (deterministic, idempotent).

    python bench/make_corpus.py            # small (~1 MB), medium (~8 MB), large (~50 MB), long
    python bench/make_corpus.py medium     # only the named corpora

Each corpus is a directory under bench/corpus/ (git-ignored) holding N copies of every seed,
named `<copy:04d>_<seed name>` so path order, stems and output names never collide and never
change between runs.  `long` holds single large documents (a report seed repeated, and the
notice seed with its task body repeated) to show how the cost of ONE document grows with its
size; the copy corpora show how a batch grows.

A corpus already complete (same files, same sizes) is left alone, so re-running is cheap.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw"
CORPUS = Path(__file__).resolve().parent / "corpus"

# name -> copies of each seed.  The five seeds are ~198 KB together.
COPIES = {"small": 5, "medium": 40, "large": 250}
# long: single documents made of one seed repeated, at these sizes (approximate MB), one set
# per document kind with its own parser (a notice and a work report)
LONG_SIZES_MB = (0.25, 1, 2)
LONG_SEEDS = {"notice": "001_87fdf972b4e7a4f0.txt", "report": "002_dd6a1c3c8da025d0.txt"}


def seeds() -> list[Path]:
    files = sorted(p for p in SEEDS.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        sys.exit(f"no seed files in {SEEDS}")
    return files


def _want_copies(copies: int) -> dict[str, bytes]:
    data = {p.name: p.read_bytes() for p in seeds()}
    return {f"{k:04d}_{name}": blob for k in range(copies) for name, blob in data.items()}


def _body_repeated(seed: bytes, n: int) -> bytes:
    """The seed with its body repeated n times: head + body * n + tail, so that one document
    really grows (a notice repeated whole would end at its first 版记 and the rest be ignored).
    The body runs from the second line opening with 一、 (the attachment's first heading) to
    the first 主办/抄送 line; a seed without those markers is repeated whole."""
    lines = seed.decode("utf-8").splitlines(keepends=True)
    heads = [i for i, ln in enumerate(lines) if ln.startswith("一、")]
    tails = [i for i, ln in enumerate(lines) if ln.startswith(("主办：", "主办:", "抄送：", "抄送:"))]
    if len(heads) < 2 or not tails or tails[0] <= heads[1]:
        return seed * n
    a, b = heads[1], tails[0]
    return "".join(lines[:a] + lines[a:b] * n + lines[b:]).encode("utf-8")


def _want_long() -> dict[str, bytes]:
    out = {}
    for kind, name in LONG_SEEDS.items():
        seed = (SEEDS / name).read_bytes()
        if not seed.endswith(b"\n"):
            seed += b"\n"
        for mb in LONG_SIZES_MB:
            n = max(1, round(mb * 1_000_000 / len(seed)))
            out[f"{kind}_{int(mb * 1000):04d}kb.txt"] = _body_repeated(seed, n) if kind == "notice" else seed * n
    return out


def want(name: str) -> dict[str, bytes]:
    return _want_long() if name == "long" else _want_copies(COPIES[name])


def _stamp(files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for fname in sorted(files):
        h.update(fname.encode() + b"\0" + hashlib.sha256(files[fname]).digest())
    return h.hexdigest()


def build(name: str) -> Path:
    """Write corpus `name` unless it is already there exactly; return its directory."""
    files = want(name)
    stamp = _stamp(files)
    d = CORPUS / name
    stamp_file = CORPUS / f".{name}.sha256"
    if d.is_dir():
        have = {p.name: p.stat().st_size for p in d.iterdir()}
        same = stamp_file.is_file() and stamp_file.read_text().strip() == stamp
        if same and have == {k: len(v) for k, v in files.items()}:
            return d
        shutil.rmtree(d)
    tmp = CORPUS / f".{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for fname, blob in files.items():
        (tmp / fname).write_bytes(blob)
    tmp.rename(d)
    stamp_file.write_text(stamp + "\n")
    return d


def corpus_bytes(d: Path) -> int:
    return sum(p.stat().st_size for p in d.iterdir() if p.is_file())


ALL = ("small", "medium", "large", "long")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", metavar="NAME", help=f"corpora to build: {', '.join(ALL)} (default: all)")
    args = ap.parse_args(argv)
    for n in args.names:
        if n not in ALL:
            ap.error(f"unknown corpus {n!r} (choose from {', '.join(ALL)})")
    for name in args.names or ALL:
        d = build(name)
        files = list(d.iterdir())
        print(f"{name:7s} {len(files):5d} files {corpus_bytes(d) / 1e6:7.2f} MB  {d.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
