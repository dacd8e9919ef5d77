"""Documents as relational tables: the rows every export writes (SQLite, CSV, the xlsx ledger).

Input: Documents.  Output: `{table name: [row tuple, …]}` in the column order of `SCHEMA`,
deterministic (input order, then each document's own order):

    documents    id*, kind, title, doc_number, issuer, year, …           one per input
    sections     document*, id*, parent, level, label, title, part, start, end
    tasks        document*, id*, seq, section, text, deadlines, units_open, start, end
    units        name*, type, aliases                                      canonical names
    task_units   document*, task*, unit*, role (lead|co), position, written
    leaders      name*
    task_leaders document*, task*, leader*, position
    figures      document*, id*, task_seq, task, section, metric, value, unit, …, start, end

(* primary key).  Unit names are canonical across all documents (units.registry), and
`written` keeps each spelling, so `select … from tasks join task_units using …` finds what
市发展改革委 leads whichever way a document wrote it.  Offsets are the records' spans: code
point offsets into each source's original text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Sequence

import regex

from zzgov.models import Document


class ExportError(Exception):
    """An export refused or impossible, said in one line (an existing file that is not
    zzgov's, a missing optional dependency)."""


# A lone surrogate (valid in a JSON record as "\ud800") cannot be written as UTF-8, and
# Excel's XML refuses most C0 controls: each becomes U+FFFD, one for one.
_SURROGATES = regex.compile(r"\p{Cs}")
_XLSX_ILLEGAL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\p{Cs}]")


def text_cell(value: Any, xlsx: bool = False) -> Any:
    """A cell value every writer can store: strings with lone surrogates (and, for xlsx,
    control characters) replaced by U+FFFD; other values as they are."""
    if not isinstance(value, str):
        return value
    return (_XLSX_ILLEGAL if xlsx else _SURROGATES).sub("\ufffd", value)


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]  # (name, SQLite type)
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()  # (cols, table, cols)
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.columns)


T, I, R = "TEXT", "INTEGER", "REAL"
_DOC_FK = ((("document",), "documents", ("id",)),)

SCHEMA: tuple[Table, ...] = (
    Table("documents", (("id", T), ("kind", T), ("title", T), ("doc_number", T), ("issuer", T), ("year", I),
                        ("signed_date", T), ("published", T), ("outlet", T), ("source_path", T), ("sha256", T),
                        ("encoding", T), ("chars", I), ("schema_version", T)),
          ("id",), indexes=(("kind",),)),
    Table("sections", (("document", T), ("id", T), ("parent", T), ("level", I), ("label", T), ("title", T),
                       ("part", T), ("start", I), ("end", I)),
          ("document", "id"), _DOC_FK, (("document", "parent"),)),
    Table("tasks", (("document", T), ("id", T), ("seq", I), ("section", T), ("text", T), ("deadlines", T),
                    ("units_open", T), ("start", I), ("end", I)),
          ("document", "id"), _DOC_FK, (("document", "seq"), ("document", "section"))),
    Table("units", (("name", T), ("type", T), ("aliases", T)), ("name",), indexes=(("type",),)),
    Table("task_units", (("document", T), ("task", T), ("unit", T), ("role", T), ("position", I), ("written", T)),
          ("document", "task", "unit"),
          ((("document", "task"), "tasks", ("document", "id")), (("unit",), "units", ("name",))),
          (("unit", "role"), ("role",))),
    Table("leaders", (("name", T),), ("name",)),
    Table("task_leaders", (("document", T), ("task", T), ("leader", T), ("position", I)),
          ("document", "task", "leader"),
          ((("document", "task"), "tasks", ("document", "id")), (("leader",), "leaders", ("name",))),
          (("leader",),)),
    Table("figures", (("document", T), ("id", T), ("task_seq", I), ("task", T), ("section", T), ("metric", T),
                      ("value", R), ("value_max", R), ("unit", T), ("comparator", T), ("direction", T), ("kind", T),
                      ("normalized_value", R), ("normalized_unit", T), ("estimate", I), ("headline", I),
                      ("start", I), ("end", I)),
          ("document", "id"), _DOC_FK, (("document", "task"), ("metric",), ("kind",))),
)
TABLES = {t.name: t for t in SCHEMA}

# How list fields are joined into one cell: 6月底前；12月底前 / 等有关部门.
LIST_JOIN = "；"


def document_keys(docs: Sequence[Document]) -> list[str]:
    """A unique key per document: its id, with `~2`, `~3` … for repeated ids (same stem twice)."""
    seen: dict[str, int] = {}
    out = []
    for d in docs:
        n = seen.get(d.id, 0) + 1
        seen[d.id] = n
        out.append(d.id if n == 1 else f"{d.id}~{n}")
    return out


def canonical_units(docs: Sequence[Document]) -> dict[str, str]:
    """Written unit name -> canonical name, over all documents at once."""
    from zzgov.units.registry import load_registry

    names = {n for d in docs for t in d.tasks for n in (*t.lead_units, *t.units)}
    return load_registry().group(names)


def task_unit_roles(task, canonical: dict[str, str]) -> list[tuple[str, str, str]]:
    """(canonical unit, role, as written) per unit of a task, lead units first, each unit once."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for role, names in (("lead", task.lead_units), ("co", task.units)):
        for written in names:
            name = canonical[written]
            if name not in seen:
                seen.add(name)
                out.append((name, role, written))
    return out


def leader_names(task) -> list[str]:
    """A task's leaders, blanks removed, each once, in order."""
    out: list[str] = []
    for written in task.leaders:
        name = "".join(written.split())
        if name and name not in out:
            out.append(name)
    return out


def build_tables(docs: Sequence[Document]) -> dict[str, list[tuple]]:
    from zzgov.units.registry import load_registry

    reg = load_registry()
    canonical = canonical_units(docs)
    rows: dict[str, list[tuple]] = {t.name: [] for t in SCHEMA}
    unit_aliases: dict[str, set[str]] = {}
    unit_order: list[str] = []
    leader_order: list[str] = []
    for key, d in zip(document_keys(docs), docs):
        m = d.meta
        rows["documents"].append((key, d.kind, m.title, m.doc_number, m.issuer, m.year, m.signed_date, m.published,
                                  m.outlet, d.source.path, d.source.sha256, d.source.encoding, d.source.chars,
                                  d.schema_version))
        for s in d.sections:
            rows["sections"].append((key, s.id, s.parent, s.level, s.label, s.title, s.part, s.span.start, s.span.end))
        task_by_seq: dict[int, str] = {}
        for t in d.tasks:
            task_by_seq.setdefault(t.seq, t.id)
            rows["tasks"].append((key, t.id, t.seq, t.section, t.text, LIST_JOIN.join(t.deadlines) or None,
                                  LIST_JOIN.join(t.units_open) or None, t.span.start, t.span.end))
            for pos, (name, role, written) in enumerate(task_unit_roles(t, canonical), 1):
                if name not in unit_aliases:
                    unit_aliases[name] = set()
                    unit_order.append(name)
                unit_aliases[name].add(written)
                rows["task_units"].append((key, t.id, name, role, pos, written))
            for pos, name in enumerate(leader_names(t), 1):
                if name not in leader_order:
                    leader_order.append(name)
                rows["task_leaders"].append((key, t.id, name, pos))
        for f in d.figures:
            norm = f.normalized
            rows["figures"].append((key, f.id, f.task, task_by_seq.get(f.task) if f.task is not None else None,
                                    f.section, f.metric, f.value, f.value_max, f.unit, f.comparator, f.direction,
                                    f.kind, norm.value if norm else None, norm.unit if norm else None,
                                    int(f.estimate), int(f.headline), f.span.start, f.span.end))
    for name in unit_order:
        aliases = sorted(unit_aliases[name] - {name})
        rows["units"].append((name, reg.unit_type(name), json.dumps(aliases, ensure_ascii=False)))
    rows["leaders"] = [(n,) for n in leader_order]
    return {name: [tuple(text_cell(v) for v in r) for r in table_rows] for name, table_rows in rows.items()}
