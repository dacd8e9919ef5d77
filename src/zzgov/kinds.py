"""The registry of document kinds: one line per kind, and everything that lists kinds reads it.

A kind is a name, the label people see (HTML report, tables), the module and function that
read it, and the rule file its vocabulary lives in (`zzgov/data/rules/<rules>.yaml`).  The
CLI's `--kind` choices, the `DocKind` type of the records, detection's candidates (in this
order, which also breaks ties) and the report's labels all come from `KINDS`.

Adding a kind: write its rule file and its reader (a module with `parse(text) -> ParseResult`),
add its detection weights, and add one `Kind(...)` line below.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from zzgov.doc import Doc
    from zzgov.parsers.base import ParseResult


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # shown to people (the HTML report): 通知, 工作报告
    module: str  # the reader
    function: str
    rules: str | None = None  # its rule file in zzgov/data/rules/
    detected: bool = True  # whether detection may choose it (unknown is what is left)
    reads_doc: bool = False  # the reader takes the Doc (its folded view and lines), not the bare text

    def parse(self, doc: Doc | str) -> ParseResult:
        reader = getattr(importlib.import_module(self.module), self.function)
        if isinstance(doc, str):
            return reader(doc)
        return reader(doc if self.reads_doc else doc.text)


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("notice", "通知", "zzgov.parsers.notice", "parse_notice", rules="notice", reads_doc=True),
    Kind("report", "工作报告", "zzgov.parsers.report", "parse_report", rules="report"),
    Kind("news", "新闻", "zzgov.parsers.news", "parse_news", rules="news"),
    Kind("unknown", "未知类型", "zzgov.parsers.generic", "parse_generic", detected=False),
)}

# Every kind's name, in registry order (the CLI's --kind choices, the records' DocKind).
NAMES: tuple[str, ...] = tuple(KINDS)
# The kinds detection chooses between, in the order that breaks a tie.
DETECTED: tuple[str, ...] = tuple(k for k, v in KINDS.items() if v.detected)
LABELS: dict[str, str] = {k: v.label for k, v in KINDS.items()}


def get(name: str) -> Kind:
    """The kind called `name`; a ValueError listing the valid names otherwise."""
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown document kind {name!r}; valid kinds: {', '.join(NAMES)}") from None
