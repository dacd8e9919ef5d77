"""The regex baseline in a process of its own: one `regex.findall(NUMBER)` pass over the
decoded files of a folder (or files); prints its CPU seconds.

    python bench/regex_pass.py bench/corpus/medium

run.py runs it right after each zzgov run, so the two are measured at the same moment, and
in a separate process, so the benchmark itself never holds a corpus in memory (a forked
child's peak RSS counts the pages it shared with its parent).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import regex

NUMBER = r"\d+(?:\.\d+)?"


def texts_of(paths) -> list[str]:
    """The decoded texts of files, and of the files in folders, in order."""
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(q for q in p.iterdir() if q.is_file()) if p.is_dir() else [p]
    out = []
    for f in files:
        data = f.read_bytes()
        try:
            out.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(data.decode("gb18030", "replace"))
    return out


def main(argv: list[str]) -> int:
    texts = texts_of(argv)
    pat = regex.compile(NUMBER)
    t0 = time.process_time()
    for t in texts:
        pat.findall(t)
    print(f"{time.process_time() - t0:.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
