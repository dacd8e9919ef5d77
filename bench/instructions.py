"""Work per MB counted in instructions (callgrind), which repeat to the last digit where
times on this shared host drift by up to 2x: the measure to compare code changes by, and to
check that a single long document costs the same per MB as a short one.

    python bench/instructions.py            # writes bench/instructions.md (needs valgrind)

Each count is one process under `valgrind --tool=callgrind` that imports zzgov, parses a
few lines of every kind (the lazy set-up) and then parses the given files in process; a
process that stops after the set-up is the baseline, and its count is subtracted.  The
corpus row gives G instructions per MB of the 1 MB corpus; the long-document rows give the
marginal count per extra MB between sizes, whose last-over-first ratio should stay near 1.
Runs go two at a time (two cores).  A benchmark, not a test: it exits 0 whatever it finds,
and with a note when valgrind is missing.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "instructions.md"
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (bench/ is not a package)

FLAT_LIMIT = 1.10  # instruction counts repeat exactly: a ratio above this is real growth

# The measured process: set-up once (warm_up parses a few lines under every kind), then
# each file given, read, parsed and serialized as the CLI does, with the collector off.
CHILD = """
import gc, sys
from zzgov.batch import parse_one, warm_up
warm_up()
gc.disable()
for path in sys.argv[1:]:
    parse_one(path, None, "jsonl")
"""
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def count(files: list[Path]) -> int:
    """Instructions of the child process parsing `files` (none: the baseline)."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           sys.executable, "-c", CHILD, *map(str, files)]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    m = _COLLECTED.search(p.stderr)
    if p.returncode != 0 or not m:
        raise SystemExit(f"callgrind run failed ({p.returncode}): {p.stderr[-1500:]}")
    return int(m.group(1))


def megabytes(files: list[Path]) -> float:
    return sum(f.stat().st_size for f in files) / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="zzgov instruction counts (see bench/README.md)")
    ap.add_argument("--output", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("bench/instructions.py: valgrind is not installed; no instruction counts taken")
        return 0
    make_corpus.main(["small", "long"])
    small = sorted(p for p in (make_corpus.CORPUS / "small").iterdir() if p.is_file())
    long_docs = sorted(p for p in (make_corpus.CORPUS / "long").iterdir() if p.is_file())
    jobs = {"baseline": [], "small": small, **{p.name: [p] for p in long_docs}}
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = dict(zip(jobs, pool.map(count, jobs.values())))
    base = counts["baseline"]
    per_mb = (counts["small"] - base) / megabytes(small) / 1e9

    lines = [
        "# zzgov instruction counts",
        "",
        f"{_dt.datetime.now():%Y-%m-%d %H:%M} · Python {sys.version.split()[0]} · callgrind "
        f"(instructions repeat exactly; see bench/instructions.py)",
        "",
        f"Corpus (`small`, {megabytes(small):.2f} MB, {len(small)} files): **{per_mb:.3f} G instructions per MB**, "
        f"set-up excluded (the set-up itself: {base / 1e9:.2f} G).",
        "",
        "| file | MB | G instructions | marginal G per extra MB |",
        "|---|---:|---:|---:|",
    ]
    verdicts = []
    for kind in sorted({p.name.split("_")[0] for p in long_docs}):
        docs = [p for p in long_docs if p.name.startswith(kind + "_")]
        margins = []
        prev = None
        for p in docs:
            mb, g = megabytes([p]), (counts[p.name] - base) / 1e9
            marginal = "–" if prev is None else f"{(g - prev[1]) / (mb - prev[0]):.3f}"
            if prev is not None:
                margins.append((g - prev[1]) / (mb - prev[0]))
            lines.append(f"| {p.name} | {mb:.2f} | {g:.3f} | {marginal} |")
            prev = (mb, g)
        if len(margins) >= 2:
            ratio = margins[-1] / margins[0]
            verdicts.append(f"| one {kind} document: last marginal over the first | {ratio:.3f} | "
                            f"{'yes' if ratio <= FLAT_LIMIT else '**NO**'} |")
    lines += ["", f"| flat cost per MB (≤ {FLAT_LIMIT}) | ratio | flat |", "|---|---:|:-:|", *verdicts, ""]
    text = "\n".join(lines)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
