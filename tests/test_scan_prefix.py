"""Patterns that scan long text must let the standard library's engine skip ahead.

`re` jumps from one possible start to the next only when a pattern opens with a literal or a
character class it consumes (`[x][x]*`, not `[x]+`; not a lookaround, not an alternation
of classes).  Otherwise its full matcher runs at every character of the text: on the
benchmark corpus, eleven such patterns cost a tenth of all the work.  These tests keep the
scanning patterns in the fast form; the few that cannot take it are named below with the
reason.

They read the engine's own analysis (`re._parser`, `re._compiler`, CPython 3.11+), and skip
where that is not there."""

from __future__ import annotations

import re

import pytest

_parser = pytest.importorskip("re._parser")
_compiler = pytest.importorskip("re._compiler")
if not all(hasattr(_compiler, f) for f in ("_get_literal_prefix", "_get_charset_prefix")):
    pytest.skip("this Python's re does not expose its prefix analysis", allow_module_level=True)


def skips_ahead(p: re.Pattern[str]) -> bool:
    """Whether `re` can skip to a literal prefix or a first-character class of p."""
    tree = _parser.parse(p.pattern, p.flags)
    flags = tree.state.flags
    return bool(_compiler._get_literal_prefix(tree, flags)[0] or _compiler._get_charset_prefix(tree, flags))


def _scanning_patterns() -> dict[str, re.Pattern[str]]:
    import importlib

    from zzgov.figures import extract
    from zzgov.parsers import detect

    # the modules, not the functions of the same names that zzgov.text exports
    clean = importlib.import_module("zzgov.text.clean")
    lines = importlib.import_module("zzgov.text.lines")

    clean.fold("（")  # builds the fold pattern
    out = {
        "clean._GAP": clean._GAP,
        "clean._GAP_SPLIT": clean._GAP_SPLIT,
        "clean._FOLDABLE": clean._FOLDABLE,
        "lines._LINE_BODY": lines._LINE_BODY,
        "lines._LF_LINE_BODY": lines._LF_LINE_BODY,
        "extract.CANDIDATE": extract.CANDIDATE,
        "extract._LIST_LABEL_AFTER_LF": extract._LIST_LABEL_AFTER_LF,
        "extract._SENTENCE_SPLIT": extract._SENTENCE_SPLIT,
        "extract._PARAGRAPH_BREAK": extract._PARAGRAPH_BREAK,
    }
    out.update({f"extract._QUOTES[{k}]": p for k, p in enumerate(extract._QUOTES)})
    # every detection feature on the standard library's engine scans a document's head
    # (compiled on first use: a LazyPattern names its engine)
    out.update({f"detect.{f.name}": f.pattern for f in detect.FEATURES
                if isinstance(f.pattern, re.Pattern) or getattr(f.pattern, "engine", None) is re})
    return out


SCANNING = _scanning_patterns()


@pytest.mark.parametrize("name", sorted(SCANNING))
def test_scanning_pattern_lets_the_engine_skip_ahead(name):
    assert skips_ahead(SCANNING[name]), f"{name}: open with a literal or a consumed character class"


# Lookaround-led on purpose: the cues open with lookbehinds.
LOOKAROUND_LED = ("_CUES",)


@pytest.mark.parametrize("name", LOOKAROUND_LED)
def test_the_known_exceptions_are_still_exceptions(name):
    """If one of these can skip ahead some day, it belongs in the list above."""
    from zzgov.figures import extract

    assert not skips_ahead(getattr(extract, name))


def test_the_check_tells_the_two_forms_apart():
    assert skips_ahead(re.compile("[ab][ab]*")) and skips_ahead(re.compile(r"\nx"))
    assert not skips_ahead(re.compile("[ab]+")) and not skips_ahead(re.compile("(?m)^x"))
