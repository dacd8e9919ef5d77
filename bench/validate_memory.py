"""Peak memory of `zzgov validate` on a large JSON lines file (issue 21, item 8).

A benchmark, not a test.  Builds bench/out/validate-<MB>.jsonl from the seed documents'
records (parsed once, repeated until the file has the size asked for), runs `zzgov validate`
on it as a subprocess and reports its peak RSS and CPU time from os.wait4, beside a file a
tenth of the size: memory that does not grow with the file is what streaming means.

    .venv/bin/python bench/validate_memory.py            # 500 MB and 50 MB: writes bench/validate_memory.md
    .venv/bin/python bench/validate_memory.py --mb 100   # a smaller run
    PYTHONPATH=/path/to/other/src .venv/bin/python bench/validate_memory.py --no-write   # another version
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def records() -> bytes:
    """One JSON line per seed document."""
    from zzgov.api import parse_path

    return b"".join(parse_path(p).model_dump_json().encode("utf-8") + b"\n" for p in sorted((ROOT / "data/raw").glob("*.txt")))


def build(mb: int, lines: bytes) -> Path:
    path = OUT / f"validate-{mb}.jsonl"
    want = mb * 1_000_000
    if path.exists() and path.stat().st_size >= want:
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        written = 0
        while written < want:
            fh.write(lines)
            written += len(lines)
    return path


def measure(path: Path) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "zzgov", "validate", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return {
        "file": path.name, "mb": path.stat().st_size / 1e6, "exit": os.waitstatus_to_exitcode(status),
        "peak_mib": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime, "wall": wall,
        "stderr": proc.stderr.read().decode(errors="replace").strip()[:200],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=500, help="size of the large file (the small one is a tenth)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave bench/validate_memory.md")
    args = ap.parse_args()
    lines = records()
    rows = [measure(build(max(1, args.mb // 10), lines)), measure(build(args.mb, lines))]
    table = ["| file | MB | records | exit | peak RSS MiB | CPU s | wall s |", "|---|---|---|---|---|---|---|"]
    per_copy = lines.count(b"\n")
    for r in rows:
        copies = round(r["mb"] * 1e6 / len(lines))
        table.append(f"| {r['file']} | {r['mb']:.0f} | {copies * per_copy:,} | {r['exit']} | {r['peak_mib']:.0f} | "
                     f"{r['cpu']:.1f} | {r['wall']:.1f} |")
    text = "\n".join([
        "# zzgov validate on large JSON lines files",
        "",
        f"Written by `bench/validate_memory.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        "peak RSS and CPU from os.wait4 of the `zzgov validate` process.",
        "",
        *table,
        "",
    ])
    for r in rows:
        if r["stderr"]:
            text += f"\n{r['file']}: {r['stderr']}\n"
    print(text)
    if not args.no_write:
        (ROOT / "bench" / "validate_memory.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
