"""A long fuzz run of the whole parse path: bytes -> decode -> parse -> JSON -> validate.

Every input must either be refused by the decoder with `DecodeError` (a one-line reason) or
give a Document that keeps the invariants of tests/test_properties.py: spans inside the text,
figure spans showing their numbers, unique task numbers (or a warning), unique ids, finite
values, and a JSON / YAML rendering that `zzgov validate` accepts.  Any other exception, or an
input slower than the per-input timeout, is a finding.

With atheris (coverage-guided, libFuzzer):

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_parse.py fuzz/corpus -max_len=8192 -max_total_time=600 -timeout=10 -rss_limit_mb=2048

Without atheris (or with --hypothesis), the same checks run on hypothesis-generated inputs:

    .venv/bin/python fuzz/fuzz_parse.py --hypothesis 20000

See fuzz/README.md for the recorded results.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the invariant checks live with the property tests

KINDS = (None, "notice", "report", "news", "unknown")


def check_one(data: bytes) -> None:
    """Decode and parse one input; raise AssertionError / any exception on a finding."""
    from test_properties import check_invariants

    from zzgov.api import parse_text
    from zzgov.emit import dumps
    from zzgov.text.decode import DecodeError, decode
    from zzgov.validate import validate_text

    kind = KINDS[data[0] % len(KINDS)] if data else None
    payload = data[1:]
    try:
        text = decode(payload).text
    except DecodeError as exc:
        assert "\n" not in str(exc), f"multi-line decode error: {exc!r}"
        text = payload.decode("utf-8", "replace")  # still fuzz the parser on the bytes
    doc = parse_text(text, kind=kind)
    check_invariants(text, doc)
    # YAML is slow to write; the property tests cover it, the fuzz run checks it on short texts.
    for fmt in ("jsonl", "yaml") if len(text) < 2000 else ("jsonl",):
        count, problems = validate_text(f"out.{fmt}", dumps(doc, fmt))
        assert count == 1 and not problems, [str(p) for p in problems]


def seed_corpus(directory: Path) -> None:
    """Seeds: the raw corpus, the notice fixtures and small layout samples, each with a kind byte."""
    directory.mkdir(parents=True, exist_ok=True)
    seeds = sorted((ROOT / "data" / "raw").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    for k, p in enumerate(seeds):
        data = p.read_bytes()
        for cut in (len(data), 4096):  # whole files and short heads (libFuzzer likes short inputs)
            (directory / f"{k:03d}_{cut}_{p.stem[:40]}").write_bytes(bytes([k % len(KINDS)]) + data[:cut])


def run_atheris(argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["zzgov"]):
        import zzgov.api  # noqa: F401
        import zzgov.emit  # noqa: F401
        import zzgov.figures  # noqa: F401
        import zzgov.parsers.notice  # noqa: F401
        import zzgov.parsers.generic  # noqa: F401
        import zzgov.text.decode  # noqa: F401
        import zzgov.validate  # noqa: F401
        try:
            import zzgov.parsers.report  # noqa: F401
        except ImportError:
            pass
    corpus = [a for a in argv[1:] if not a.startswith("-")]
    for c in corpus[:1]:
        if not any(Path(c).glob("*")):
            seed_corpus(Path(c))
    atheris.Setup(argv, check_one)
    atheris.Fuzz()


def run_hypothesis(n: int) -> None:
    import time

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from test_properties import any_text

    inputs = st.one_of(
        st.binary(max_size=2000),
        st.tuples(st.integers(0, 255), any_text, st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]))
        .map(lambda t: bytes([t[0]]) + t[1].encode(t[2], "replace")),
    )
    count = 0

    @settings(max_examples=n, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(data):
        nonlocal count
        count += 1
        check_one(data)

    t0 = time.time()
    fuzz()
    print(f"hypothesis: {count} inputs, {time.time() - t0:.0f}s, no findings")


if __name__ == "__main__":
    if "--hypothesis" in sys.argv:
        i = sys.argv.index("--hypothesis")
        run_hypothesis(int(sys.argv[i + 1]) if i + 1 < len(sys.argv) else 10_000)
    else:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("atheris is not installed; running hypothesis instead", file=sys.stderr)
            run_hypothesis(10_000)
        else:
            run_atheris(sys.argv)
