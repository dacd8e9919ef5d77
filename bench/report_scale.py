"""How `zzgov report` grows with the number of documents (issue 20: it must be linear).

    python bench/report_scale.py            # 25, 50, 100 and 200 documents
    python bench/report_scale.py 25 400     # the counts named

Each run is `zzgov report DIR -o page.html` on N documents made of copies of the seeds in
data/raw/ (named `<copy>_<seed>`, so every document has its own id): once on the raw texts
(parsing included), once on their records (`zzgov parse DIR -o OUT` first, not timed).
Prints wall time, CPU time of the process, peak RSS and the page's size as a Markdown
table (the README's table comes from it).  A benchmark, not a test: the machine's load
changes the times, never the sizes.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))
ZZGOV = Path(sys.executable).with_name("zzgov")


def corpus(where: Path, n: int) -> Path:
    folder = where / f"docs{n}"
    folder.mkdir()
    for k in range(-(-n // len(SEEDS))):
        for seed in SEEDS:
            if len(list(folder.iterdir())) < n:
                shutil.copyfile(seed, folder / f"{k:04d}_{seed.name}")
    return folder


def measure(folder: Path, page: Path) -> tuple[float, float, int, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([str(ZZGOV), "report", str(folder), "-o", str(page)], check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss, page.stat().st_size


def main(counts: list[int]) -> None:
    print("| documents | raw texts: wall / CPU | records: wall / CPU | peak RSS (largest so far) | page |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            folder = corpus(Path(tmp), n)
            records = Path(tmp) / f"records{n}"
            subprocess.run([str(ZZGOV), "parse", str(folder), "-o", str(records)], check=True, capture_output=True)
            wall, cpu, _, size = measure(folder, Path(tmp) / f"report{n}.html")
            r_wall, r_cpu, rss_kb, r_size = measure(records, Path(tmp) / f"records{n}.html")
            assert r_size == size, "the page depends on whether the inputs were parsed first"
            print(f"| {n} | {wall:.1f} s / {cpu:.1f} s | {r_wall:.1f} s / {r_cpu:.1f} s | {rss_kb / 1024:.0f} MB "
                  f"| {size / 1e6:.1f} MB |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [25, 50, 100, 200])
