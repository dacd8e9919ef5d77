"""The zzgov benchmark: throughput, cost per MB, --jobs speed-up, start-up, peak RSS, peers.

    python bench/run.py                 # everything; writes bench/results.md
    python bench/run.py --quick         # skip the ~50 MB corpus (and its peak-RSS goal)
    python bench/run.py --repeat 5      # best of 5 instead of best of 3

Every zzgov figure comes from `zzgov parse DIR -o OUT --format jsonl` run as a subprocess
(the CLI as users run it, start-up included).  Each run is measured twice: wall time
(time.perf_counter) and CPU time (user + system, from os.wait4, which counts the process and
the --jobs workers it waited for).  On an idle machine a one-process run has CPU ≈ wall; on a
busy one (this is a shared 2-core machine) wall time stretches and CPU time mostly does not,
so the throughput, flatness and start-up goals are judged on CPU time and the --jobs
speed-up, which only wall time can show, on wall time.  Peak RSS is ru_maxrss from the same os.wait4: the
largest resident set of the process or any worker, not a sum.  Each measurement is the best of
--repeat runs.

This machine's speed drifts by up to a factor of two within minutes (a shared host), so runs
that are compared are interleaved: each round runs every corpus (and every long document)
once, and right after each zzgov run the regex baseline runs on the same files.  Cost per MB
compares sizes measured in the same rounds, and the ratio to the regex pass is the median of
the per-round ratios (each zzgov run over the regex pass made right after it).

The regex baseline is one `regex.findall(r"\\d+(?:\\.\\d+)?")` pass over the same bytes, as
issue 6 defines it, in a process of its own (bench/regex_pass.py: the benchmark never holds a
corpus, whose pages would count in a forked child's peak RSS), so the ratio to it is
comparable across machines.  The same process also times a pass over the decoded text, about
twice as fast per MB; the ratio to that stricter baseline is reported beside the goal's.
The peers (JioNLP money extraction, Recognizers-Text Chinese numbers) run only when
importable, in this process, on the five seed files.

A benchmark, not a test: the exit status is 0 even when a goal is missed; the table says which.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as _dt
import filecmp
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
RESULTS = HERE / "results.md"
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (bench/ is not a package)
from regex_pass import NUMBER, bytes_job, text_job, texts_of  # noqa: E402

# Goals from the issue (issue 6).
GOAL_MBPS = 3.0
GOAL_REGEX_RATIO = 80.0  # × the regex pass over the bytes
GOAL_REGEX_AIM = 50.0  # the aim
GOAL_FLAT = 1.25  # last marginal cost per MB over the first: at most this
GOAL_JOBS2 = 1.7
GOAL_RSS_MB = 300.0
GOAL_STARTUP_S = 0.25


# ---------------------------------------------------------------------------------------
# Running commands


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the children it waited for
    rss_mb: float  # peak resident set, MB (ru_maxrss of the process and its waited-for children)
    rc: int
    stderr: str


def run_once(cmd: list[str], stdout_path: Path | None = None, timeout: float | None = None,
             env: dict[str, str] | None = None) -> Run:
    """Run cmd; measure wall time, CPU time and peak RSS via os.wait4 (this child only)."""
    with tempfile.TemporaryFile() as err, (open(stdout_path, "wb") if stdout_path else open(os.devnull, "wb")) as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        deadline = None if timeout is None else t0 + timeout
        killed = False
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG if deadline else 0)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                pid, status, ru = os.wait4(p.pid, 0)
                killed = True
                break
            time.sleep(0.005)
        wall = time.perf_counter() - t0
        rc = -9 if killed else os.waitstatus_to_exitcode(status)
        p.returncode = rc  # reaped here: keep Popen from waiting again
        err.seek(0)
        msg = "timed out" if killed else err.read().decode("utf-8", "replace")
        return Run(float("inf") if killed else wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, rc, msg)


def checked(r: Run) -> Run:
    if r.rc != 0:
        raise SystemExit(f"zzgov failed ({r.rc})\n{r.stderr[-2000:]}")
    return r


def best_of(n: int, cmd: list[str], before=None, key: str = "wall", prev: Run | None = None, **kw) -> Run:
    """The best of n runs by `key` ("wall" or "cpu"), each after `before()` (e.g. clearing
    the output directory), and of `prev` (the best of earlier rounds) when given."""
    best = prev
    for _ in range(max(1, n)):
        if before:
            before()
        r = run_once(cmd, **kw)
        if r.rc != 0:
            raise SystemExit(f"command failed ({r.rc}): {' '.join(cmd)}\n{r.stderr[-2000:]}")
        if best is None or getattr(r, key) < getattr(best, key):
            best = r
    return best


def zzgov_cmd() -> list[str]:
    """The zzgov console script beside this interpreter, else `python -m zzgov`."""
    script = Path(sys.executable).parent / "zzgov"
    return [str(script)] if script.exists() else [sys.executable, "-m", "zzgov"]


def rmtree(p: Path) -> None:
    shutil.rmtree(p, ignore_errors=True)


def parse_cmd(src: Path, out: Path, jobs: int = 1) -> list[str]:
    return [*zzgov_cmd(), "parse", str(src), "-o", str(out), "--format", "jsonl", "--no-progress", "--jobs", str(jobs)]


# ---------------------------------------------------------------------------------------
# Baselines in this process


def files_of(d: Path) -> list[Path]:
    return sorted(p for p in d.iterdir() if p.is_file())


class RegexPass(NamedTuple):
    """CPU seconds of the regex pass over a corpus: over its bytes (issue 6's baseline) and
    over its decoded text."""
    bytes_cpu: float
    text_cpu: float


def regex_pass_child(folder: Path) -> RegexPass:
    """The regex passes over a folder, in a process of its own (regex_pass.py)."""
    out = subprocess.run([sys.executable, str(HERE / "regex_pass.py"), str(folder)], check=True,
                         capture_output=True, text=True).stdout
    b, t = out.split()
    return RegexPass(float(b), float(t))


def interleaved_best(jobs: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Best CPU time (time.process_time) of each job over rounds that run every job once, in
    turn: jobs compared with one another see the same drift in machine speed."""
    best = dict.fromkeys(jobs, float("inf"))
    for _ in range(max(1, rounds)):
        for name, fn in jobs.items():
            t0 = time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - t0)
    return best


def zzgov_job(blobs: list[bytes]) -> Callable[[], None]:
    """zzgov's whole job (parse, validate, write JSONL) on the files in this process, warmed
    up, as the peers are timed: without the start-up and the fixed cost that the CLI figures
    include.  The collector is off during the parses, as in the CLI."""
    import gc

    from zzgov.api import parse_bytes
    from zzgov.emit import dumps_bytes

    def job() -> None:
        gc.disable()
        try:
            for b in blobs:
                dumps_bytes(parse_bytes(b), "jsonl")
        finally:
            gc.enable()

    job()
    return job


def peers(texts: list[str]) -> list[tuple[str, Callable[[], object] | None, str]]:
    """(name, the job on all texts or None, note) for each optional peer, warmed up."""
    rows: list[tuple[str, Callable[[], object] | None, str]] = []
    try:
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
            import jionlp

        extract = jionlp.ner.extract_money
        extract("1000元")  # warm-up: lazy dictionaries load on first use
        rows.append(("JioNLP `ner.extract_money`", lambda: [extract(t) for t in texts],
                     f"jionlp {getattr(jionlp, '__version__', '?')}, one call per file"))
    except Exception as exc:  # optional; any failure just skips the row
        rows.append(("JioNLP `ner.extract_money`", None, f"not available ({type(exc).__name__})"))
    try:
        from recognizers_number import Culture, NumberRecognizer

        model = NumberRecognizer(Culture.Chinese).get_number_model()
        model.parse("一千")  # warm-up
        rows.append(("Recognizers-Text number (zh-cn)", lambda: [model.parse(t) for t in texts],
                     "recognizers-text-number, one call per file"))
    except Exception as exc:
        rows.append(("Recognizers-Text number (zh-cn)", None, f"not available ({type(exc).__name__})"))
    return rows


# ---------------------------------------------------------------------------------------
# Reporting helpers


@dataclass
class SizeRow:
    name: str
    files: int
    mb: float
    rounds: list[tuple[Run, RegexPass]]  # each zzgov run with the regex passes made right after it

    @property
    def run(self) -> Run:  # the best round by CPU time
        return min((r for r, _ in self.rounds), key=lambda r: r.cpu)

    @property
    def regex(self) -> RegexPass:  # the regex passes paired with the best round
        return next(rx for r, rx in self.rounds if r is self.run)

    @property
    def mbps(self) -> float:  # wall
        return self.mb / self.run.wall

    @property
    def mbps_cpu(self) -> float:
        return self.mb / self.run.cpu

    @property
    def ratio(self) -> float:  # CPU over CPU, to the pass over the bytes: the median of the paired rounds
        return statistics.median(r.cpu / rx.bytes_cpu for r, rx in self.rounds)

    @property
    def ratio_text(self) -> float:  # the same, to the pass over the decoded text
        return statistics.median(r.cpu / rx.text_cpu for r, rx in self.rounds)


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def add(self, *lines: str) -> None:
        for line in lines:
            self.lines.append(line)
            print(line, flush=True)


def same_tree(a: Path, b: Path) -> bool:
    """Same file names and byte-identical contents."""
    na, nb = sorted(p.name for p in a.iterdir()), sorted(p.name for p in b.iterdir())
    if na != nb:
        return False
    _match, mismatch, errors = filecmp.cmpfiles(a, b, na, shallow=False)
    return not mismatch and not errors


def source_fingerprint() -> str:
    """A hash of zzgov's source files, to notice when the code changes in the middle of a run."""
    h = hashlib.sha256()
    for f in sorted((ROOT / "src" / "zzgov").rglob("*")):
        if f.is_file() and f.suffix in (".py", ".yaml", ".json", ".txt"):
            h.update(str(f.relative_to(ROOT)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


def git_rev() -> str:
    try:
        return subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip() or "?"
    except Exception:
        return "?"


def slope(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Extra seconds per extra MB between two (MB, seconds) points."""
    return (b[1] - a[1]) / (b[0] - a[0])


def slope_text(prev: tuple[float, float] | None, cur: tuple[float, float]) -> str:
    return "–" if prev is None else f"{slope(prev, cur):.3f}"


def growth(points: list[tuple[float, float]]) -> float | None:
    """Last marginal cost per MB over the first (1.0 = linear; above = superlinear)."""
    if len(points) < 3:
        return None
    first, last = slope(points[0], points[1]), slope(points[-2], points[-1])
    return last / first if first > 0 else None


def fmt_ratio(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def ok(flag: bool | None) -> str:
    return "–" if flag is None else ("yes" if flag else "**NO**")


def within(x: float | None, limit: float) -> bool | None:
    return None if x is None else x <= limit


# ---------------------------------------------------------------------------------------
# The benchmark


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="zzgov benchmark (see bench/README.md)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept (default 3)")
    ap.add_argument("--quick", action="store_true", help="skip the ~50 MB corpus")
    ap.add_argument("--no-peers", action="store_true", help="skip JioNLP / Recognizers-Text even if installed")
    ap.add_argument("--output", type=Path, default=RESULTS, help="markdown file to write (default bench/results.md)")
    args = ap.parse_args(argv)
    R = args.repeat
    sizes = ["small", "medium"] + ([] if args.quick else ["large"])
    rep = Report()
    for name in [*sizes, "long"]:
        make_corpus.build(name)
    OUT.mkdir(parents=True, exist_ok=True)
    # Byte-compile the sources as an installed package would have them: where Python may not
    # write bytecode (PYTHONDONTWRITEBYTECODE, a read-only checkout) every run would
    # otherwise recompile each module, a fixed cost no user install pays.
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    # One untimed run first, so the timed ones find the files in the page cache.
    checked(run_once(parse_cmd(ROOT / "data" / "raw", OUT / "warm-up")))

    load = os.getloadavg()
    src_before = source_fingerprint()
    import zzgov

    rep.add("# zzgov benchmark", "",
            f"{_dt.datetime.now().strftime('%Y-%m-%d %H:%M')} · zzgov {zzgov.__version__} ({git_rev()}, source "
            f"{src_before}) · Python {platform.python_version()} · {os.cpu_count()} cores · load average at "
            f"start {load[0]:.2f} · best of {R}", "")

    # -- start-up -------------------------------------------------------------------------
    bare = best_of(max(R, 10), [sys.executable, "-c", "pass"], key="cpu")
    helpr = best_of(max(R, 10), [*zzgov_cmd(), "--help"], key="cpu")
    tiny_dir = OUT / "tiny"
    rmtree(tiny_dir)
    tiny_dir.mkdir(parents=True)
    (tiny_dir / "tiny.txt").write_text("1. 建设学校。\n责任领导：王明\n牵头单位：市教育局\n", encoding="utf-8")
    fixed = best_of(max(R, 5), parse_cmd(tiny_dir / "tiny.txt", OUT / "tiny-out"),
                    before=lambda: rmtree(OUT / "tiny-out"))
    startup = helpr.cpu - bare.cpu  # CPU: a busy machine stretches wall time, not this
    startup_wall = helpr.wall - bare.wall

    # -- throughput by size (one process) ---------------------------------------------------
    rows = [SizeRow(name, len(files_of(make_corpus.CORPUS / name)),
                    sum(p.stat().st_size for p in files_of(make_corpus.CORPUS / name)) / 1e6, [])
            for name in sizes]
    long_files = files_of(make_corpus.CORPUS / "long")
    long_runs: dict[str, list[Run]] = {p.name: [] for p in long_files}
    for _ in range(R):  # interleaved rounds: a drift in machine speed touches every size alike
        for row in rows:
            out = OUT / f"{row.name}-j1"
            rmtree(out)
            r = checked(run_once(parse_cmd(make_corpus.CORPUS / row.name, out)))
            row.rounds.append((r, regex_pass_child(make_corpus.CORPUS / row.name)))
        # -- one long document: does the cost of one document grow faster than its size? ----
        for p in long_files:
            out = OUT / f"long-{p.stem}"
            rmtree(out)
            long_runs[p.name].append(checked(run_once(parse_cmd(p, out))))
    long_rows: dict[str, list[tuple[str, float, Run]]] = {}
    for p in long_files:
        best = min(long_runs[p.name], key=lambda r: r.cpu)
        long_rows.setdefault(p.stem.split("_")[0], []).append((p.name, p.stat().st_size / 1e6, best))

    # -- --jobs 2 on the medium corpus (wall time: only it shows a speed-up) ---------------
    med = make_corpus.CORPUS / "medium"
    # interleaved, like the throughput rounds: a drift in machine speed touches both alike
    j1 = j2 = None
    for _ in range(R):
        j1 = best_of(1, parse_cmd(med, OUT / "medium-j1"), before=lambda: rmtree(OUT / "medium-j1"), prev=j1)
        j2 = best_of(1, parse_cmd(med, OUT / "medium-j2", jobs=2), before=lambda: rmtree(OUT / "medium-j2"), prev=j2)
    speedup = j1.wall / j2.wall
    same_dir = same_tree(OUT / "medium-j1", OUT / "medium-j2")
    if not same_dir:  # the code may have changed between the runs: compare fresh ones
        rmtree(OUT / "medium-j1b")
        run_once(parse_cmd(med, OUT / "medium-j1b"))
        same_dir = same_tree(OUT / "medium-j1b", OUT / "medium-j2")
    # stdout too: one JSON line per file, in path order
    s1, s2 = OUT / "medium-j1.jsonl", OUT / "medium-j2.jsonl"
    stdout_cmd = [*zzgov_cmd(), "parse", str(med), "--format", "jsonl", "--no-progress"]
    same_stdout = False
    for _ in range(2):  # a second try in case the code changed between the two runs
        run_once([*stdout_cmd, "--jobs", "1"], stdout_path=s1)
        run_once([*stdout_cmd, "--jobs", "2"], stdout_path=s2)
        same_stdout = s1.stat().st_size > 0 and filecmp.cmp(s1, s2, shallow=False)
        if same_stdout:
            break

    # -- peers ----------------------------------------------------------------------------
    seed_files = files_of(make_corpus.SEEDS)
    seed_texts = texts_of(seed_files)
    seed_mb = sum(p.stat().st_size for p in seed_files) / 1e6
    seed_chars = sum(len(t) for t in seed_texts)
    peer_list = [] if args.no_peers else peers(seed_texts)
    seed_blobs = [p.read_bytes() for p in seed_files]
    jobs = {"regex": bytes_job(seed_blobs), "regex_text": text_job(seed_texts), "zzgov": zzgov_job(seed_blobs),
            **{name: fn for name, fn, _ in peer_list if fn is not None}}
    times = interleaved_best(jobs, max(R, 5))
    seed_rx, seed_rx_text, seed_zzgov = times["regex"], times["regex_text"], times["zzgov"]
    peer_rows = [(name, times[name] if fn is not None else None, note) for name, fn, note in peer_list]

    # -- report ---------------------------------------------------------------------------
    rep.add("## Throughput: `zzgov parse DIR -o OUT --format jsonl`, one process", "",
            "| corpus | files | MB | wall s | CPU s | MB/s (wall) | MB/s (CPU) | regex MB/s, bytes / text (CPU) "
            "| × regex, bytes (CPU) | × regex, text (CPU) | CPU s/MB | marginal CPU s/MB | peak RSS MB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    prev = None
    for r in rows:
        rep.add(f"| {r.name} | {r.files} | {r.mb:.2f} | {r.run.wall:.2f} | {r.run.cpu:.2f} | {r.mbps:.2f} | "
                f"{r.mbps_cpu:.2f} | {r.mb / r.regex.bytes_cpu:.0f} / {r.mb / r.regex.text_cpu:.0f} | {r.ratio:.0f} | "
                f"{r.ratio_text:.0f} | {r.run.cpu / r.mb:.3f} | "
                f"{slope_text(prev, (r.mb, r.run.cpu))} | {r.run.rss_mb:.0f} |")
        prev = (r.mb, r.run.cpu)
    rep.add("", "Each row is the best of the interleaved rounds by CPU time; regex MB/s is the regex pass made "
            "right after that run, over the files' bytes (issue 6's baseline) and over their decoded text, "
            "and × regex the median over all rounds of each run over its own regex pass.  "
            "Marginal CPU s/MB: extra CPU seconds per extra MB from the row above (start-up and other fixed "
            "costs cancel out); flat cost means equal values.  Fixed cost of one run (start-up, imports, a tiny "
            f"file): {fixed.wall:.3f} s wall, {fixed.cpu:.3f} s CPU, peak RSS {fixed.rss_mb:.0f} MB.", "")

    rep.add("## One long document (a seed repeated into one file)", "",
            "| file | MB | wall s | CPU s | CPU s/MB | marginal CPU s/MB | peak RSS MB |",
            "|---|---:|---:|---:|---:|---:|---:|")
    for kind_rows in long_rows.values():
        prev = None
        for fname, mb, r in kind_rows:
            rep.add(f"| {fname} | {mb:.2f} | {r.wall:.2f} | {r.cpu:.2f} | {r.cpu / mb:.3f} | "
                    f"{slope_text(prev, (mb, r.cpu))} | {r.rss_mb:.0f} |")
            prev = (mb, r.cpu)
    rep.add("")

    rep.add("## Parallel and start-up", "", "| measure | value |", "|---|---:|",
            f"| medium, --jobs 1 | {j1.wall:.2f} s wall, {j1.cpu:.2f} s CPU |",
            f"| medium, --jobs 2 | {j2.wall:.2f} s wall, {j2.cpu:.2f} s CPU (all processes), "
            f"peak RSS per process {j2.rss_mb:.0f} MB |",
            f"| speed-up (wall) | {speedup:.2f}× |",
            f"| -o files byte-identical to --jobs 1 | {ok(same_dir)} |",
            f"| stdout JSONL byte-identical to --jobs 1 | {ok(same_stdout)} |",
            f"| `python -c pass` | {bare.wall:.3f} s wall, {bare.cpu:.3f} s CPU |",
            f"| `zzgov --help` | {helpr.wall:.3f} s wall, {helpr.cpu:.3f} s CPU |",
            f"| start-up over bare python | {startup_wall:.3f} s wall, {startup:.3f} s CPU |", "")

    rep.add(f"## Peers (same run, in process, CPU time, on the five seed files: {seed_mb:.2f} MB, "
            f"{seed_chars:,} chars; best of {max(R, 5)} rounds that run each tool in turn)", "",
            "| tool | CPU s | chars/s | MB/s | note |", "|---|---:|---:|---:|---|")
    rep.add(f"| regex `{NUMBER}` findall over the bytes | {seed_rx:.4f} | {seed_chars / seed_rx:,.0f} | "
            f"{seed_mb / seed_rx:.1f} | baseline (issue 6) |")
    rep.add(f"| regex `{NUMBER}` findall over the decoded text | {seed_rx_text:.4f} | "
            f"{seed_chars / seed_rx_text:,.0f} | {seed_mb / seed_rx_text:.1f} | |")
    med_row = next(r for r in rows if r.name == "medium")
    chars_per_byte = seed_chars / (seed_mb * 1e6)
    rep.add(f"| zzgov, whole job (medium corpus via the CLI) | {med_row.run.cpu:.2f} | "
            f"{med_row.mbps_cpu * 1e6 * chars_per_byte:,.0f} | {med_row.mbps_cpu:.2f} | from the first table |")
    rep.add(f"| zzgov, whole job, in process like the peers | {seed_zzgov:.3f} | {seed_chars / seed_zzgov:,.0f} | "
            f"{seed_mb / seed_zzgov:.2f} | parse, validate and write JSONL, after a warm-up |")
    for name, secs, note in peer_rows:
        if secs is None:
            rep.add(f"| {name} | – | – | – | {note} |")
        else:
            rep.add(f"| {name} | {secs:.3f} | {seed_chars / secs:,.0f} | {seed_mb / secs:.2f} | {note} |")
    rep.add("")

    # -- goals ----------------------------------------------------------------------------
    first, last = rows[0], rows[-1]
    flat = growth([(r.mb, r.run.cpu) for r in rows])
    long_flat = {k: growth([(mb, r.cpu) for _, mb, r in v]) for k, v in long_rows.items()}
    peer_mbps = [seed_mb / s for _, s, _ in peer_rows if s]
    rep.add("## Goals (issue 6)", "", "| goal | measured | met |", "|---|---:|:-:|",
            f"| ≥ {GOAL_MBPS:g} MB/s in one process (medium, CPU) | {med_row.mbps_cpu:.2f} MB/s "
            f"({med_row.mbps:.2f} wall) | {ok(med_row.mbps_cpu >= GOAL_MBPS)} |",
            f"| ≤ {GOAL_REGEX_RATIO:g}× the regex pass over the bytes (medium, CPU) | {med_row.ratio:.0f}× | "
            f"{ok(med_row.ratio <= GOAL_REGEX_RATIO)} |",
            f"| (aim) ≤ {GOAL_REGEX_AIM:g}× the regex pass over the bytes | {med_row.ratio:.0f}× | "
            f"{ok(med_row.ratio <= GOAL_REGEX_AIM)} |",
            f"| (stricter) ≤ {GOAL_REGEX_RATIO:g}× the regex pass over the decoded text | {med_row.ratio_text:.0f}× | "
            f"{ok(med_row.ratio_text <= GOAL_REGEX_RATIO)} |",
            f"| flat cost per MB, {first.name} → {last.name}: last marginal CPU s/MB over the first "
            f"(≤ {GOAL_FLAT}) | {fmt_ratio(flat)} | {ok(within(flat, GOAL_FLAT))} |",
            *[f"| flat cost per MB, one {k} document 0.25 → 2 MB: same ratio (≤ {GOAL_FLAT}) | {fmt_ratio(v)} | "
              f"{ok(within(v, GOAL_FLAT))} |" for k, v in long_flat.items()],
            f"| ≥ {GOAL_JOBS2}× with --jobs 2 (medium, wall) | {speedup:.2f}× | {ok(speedup >= GOAL_JOBS2)} |",
            f"| --jobs 2 output byte-identical to --jobs 1 | {'yes' if same_dir and same_stdout else 'no'} | "
            f"{ok(same_dir and same_stdout)} |")
    if "large" in sizes:
        rep.add(f"| peak RSS ≤ {GOAL_RSS_MB:g} MB (large) | {last.run.rss_mb:.0f} MB | "
                f"{ok(last.run.rss_mb <= GOAL_RSS_MB)} |")
    rep.add(f"| start-up ≤ {GOAL_STARTUP_S} s over bare python (CPU) | {startup:.3f} s ({startup_wall:.3f} wall) | "
            f"{ok(startup <= GOAL_STARTUP_S)} |")
    if peer_mbps:
        # like with like: the peers are timed in process, on the seeds, after a warm-up
        zz_mbps = seed_mb / seed_zzgov
        rep.add(f"| faster than the peers (CPU, in process, seed files) | {zz_mbps:.2f} vs {max(peer_mbps):.2f} MB/s | "
                f"{ok(zz_mbps > max(peer_mbps))} |")
    rep.add("")
    end_load = os.getloadavg()[0]
    if source_fingerprint() != src_before:
        rep.add("**The zzgov source changed during this run: the figures mix versions. Run again.**", "")
    rep.add(f"Load average at the end: {end_load:.2f} (other work on this {os.cpu_count()}-core machine stretches "
            "wall times, --jobs most of all; CPU times are far less affected).", "")
    args.output.write_text("\n".join(rep.lines), encoding="utf-8")
    shown = args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output
    print(f"(written to {shown})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
