"""Run `zzgov parse` with the figure pass left out, to measure how much of a run it takes.

    python bench/without_figures.py [--src DIR] PARSE-ARGS...

`--src` names the `src/` folder of the code to run (default: this checkout's), so that the
same measure can be taken of an older checkout (`git worktree add /tmp/old 3828e48`, then
`--src /tmp/old/src`).  Every reader's `attach_figures` is replaced by one that finds nothing;
the rest of the run is unchanged.  Time it against a whole run with farm-bench (see
bench/README.md, "Issue 17's speed goals (session 17)").
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    src = Path(__file__).resolve().parents[1] / "src"
    if argv[:1] == ["--src"]:
        src, argv = Path(argv[1]), argv[2:]
    sys.path.insert(0, str(src))
    import zzgov.parsers.generic
    import zzgov.parsers.news
    import zzgov.parsers.notice
    import zzgov.parsers.report

    for module in (zzgov.parsers.report, zzgov.parsers.generic, zzgov.parsers.news, zzgov.parsers.notice):
        module.attach_figures = lambda *args, **kwargs: []
    from zzgov.cli import main as zzgov_main

    sys.argv = ["zzgov", "parse", *argv]
    zzgov_main()


if __name__ == "__main__":
    main(sys.argv[1:])
