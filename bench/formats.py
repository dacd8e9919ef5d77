"""What reading a web page, Word file or PDF costs on top of parsing its text (issue 22).

For each format, the seed notice generated as in tests/formats/make.py (146 tasks, and the
same table four times over, 584 tasks, to see the cost grow per MB) and the seed report as a
GB2312 web page: extraction time (zzgov.formats, bytes -> text), its cost per MB of the file
and per MB of extracted text (UTF-8), and the whole parse against parsing the extracted text
alone.  CPU time, best of --repeat rounds, in this process after a warm-up.  Writes
bench/formats.md.

    .venv/bin/python bench/formats.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from tests.formats import make  # noqa: E402
from zzgov.api import parse_bytes, parse_text  # noqa: E402
from zzgov.text.decode import decode  # noqa: E402

MB = 1024 * 1024


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def documents() -> list[tuple[str, str, bytes]]:
    gold = make.load_gold()
    four = [dict(r, seq=r["seq"] + k * 146) for k in range(4) for r in gold]
    report, _ = make.make_report_html()
    return [
        ("docx", "notice, 146 tasks", make.make_docx(gold)),
        ("docx", "notice ×4, 584 tasks", make.make_docx(four)),
        ("pdf", "notice, 146 tasks", make.make_pdf(gold)),
        ("pdf", "notice ×4, 584 tasks", make.make_pdf(four)),
        ("html", "notice, 146 tasks", make.make_notice_html(gold)),
        ("html", "notice ×4, 584 tasks", make.make_notice_html(four)),
        ("html", "report, GB2312 page", report),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--output", type=Path, default=HERE / "formats.md")
    args = ap.parse_args(argv)

    rows = []
    per_page: list[tuple[str, int, float]] = []
    parse_text(make.COVER[0])  # warm-up: parsers' lazy set-up
    for fmt, what, data in documents():
        decode(data)  # warm-up: the format's imports
        decoded = decode(data)
        text = decoded.text
        pages = len(decoded.pages)
        text_mb = len(text.encode("utf-8")) / MB
        extract = best(lambda: decode(data), args.repeat)
        whole = best(lambda: parse_bytes(data), args.repeat)
        alone = best(lambda: parse_text(text), args.repeat)
        rows.append((fmt, what, len(data) / MB, text_mb, extract, extract / (len(data) / MB), extract / text_mb,
                     whole, alone))
        if pages:
            per_page.append((what, pages, extract / pages))
    out = [
        "# Reading formats: extra cost per MB",
        "",
        f"`bench/formats.py`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, CPU seconds, best of "
        f"{args.repeat}. *Extract* is bytes -> text (zzgov.formats); *parse* the whole `parse_bytes`; *text only* "
        "parsing the extracted text, so *parse* − *text only* is what the format adds.",
        "",
        "| format | document | file MB | text MB | extract s | extract s / file MB | extract s / text MB "
        "| parse s | text only s | × text only |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for fmt, what, fmb, tmb, ex, per_f, per_t, whole, alone in rows:
        out.append(f"| {fmt} | {what} | {fmb:.3f} | {tmb:.3f} | {ex:.3f} | {per_f:.2f} | {per_t:.2f} | "
                   f"{whole:.3f} | {alone:.3f} | {whole / alone:.1f} |")
    out += ["", "Extra cost per MB of extracted text, from the larger document of each format: "
            + ", ".join(f"{fmt} {per_t:.2f} s" for fmt, what, _, _, _, _, per_t, _, _ in rows if "×4" in what) + ".",
            "", "PDF per page (a printed page's cost does not depend on its fonts, which make up most of a "
            "real PDF's bytes): " + ", ".join(f"{what}: {n} pages, {sec * 1000:.0f} ms a page" for what, n, sec in per_page)
            + "."]
    args.output.write_text("\n".join(out) + "\n", encoding="utf-8")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
