"""Leader and unit summaries of a document's tasks: who is responsible for what.

Domain logic shared by parsing (the records' `leaders` and `units`), the exports and the
report, which import it from here rather than from the library entry points in `api`.

>>> from zzgov.models import Span, Task
>>> t = Task(id="t1", seq=1, text="建设学校", leaders=["王 明"], lead_units=["郑州市教育局"],
...          units=["市财政局"], span=Span(start=0, end=4))
>>> [(s.name, s.tasks) for s in leader_summary([t])]
[('王明', [1])]
>>> [(u.name, u.lead_tasks, u.co_tasks) for u in unit_summary([t])]
[('市教育局', [1], []), ('市财政局', [], [1])]
"""

from __future__ import annotations

from zzgov.models import LeaderSummary, Task, UnitSummary


class _SeqList:
    """Task numbers in first-seen order with set membership (lists alone make summaries
    quadratic in the number of tasks)."""

    __slots__ = ("items", "seen")

    def __init__(self) -> None:
        self.items: list[int] = []
        self.seen: set[int] = set()

    def add(self, seq: int) -> None:
        if seq not in self.seen:
            self.seen.add(seq)
            self.items.append(seq)


def _seqs_of(table: dict[str, _SeqList], key: str) -> _SeqList:
    """table[key], made on first use (not setdefault: that builds a _SeqList on every call)."""
    found = table.get(key)
    if found is None:
        found = table[key] = _SeqList()
    return found


def leader_summary(tasks: list[Task]) -> list[LeaderSummary]:
    """Each leader with the tasks they are responsible for, in order of first appearance.

    Names are compared without blanks (`黄 卿` and `黄卿` are one leader)."""
    by_name: dict[str, _SeqList] = {}
    for t in tasks:
        for written in t.leaders:
            name = "".join(written.split())
            if name:
                _seqs_of(by_name, name).add(t.seq)
    return [LeaderSummary(name=n, tasks=s.items) for n, s in by_name.items()]


def unit_summary(tasks: list[Task]) -> list[UnitSummary]:
    """Each unit with the tasks it leads and those it shares, in order of first appearance.

    Spellings of one unit (`市发展改革委` / `市发展和改革委员会`, `郑州市X` / `市X`) are merged
    under the registry's canonical name (zzgov/data/units.yaml); `aliases` lists, sorted, the
    other spellings the tasks used."""
    if not any(t.lead_units or t.units for t in tasks):
        return []  # reports and news: no need to load the registry
    from zzgov.units.registry import load_registry

    reg = load_registry()
    canonical = reg.group(n for t in tasks for n in (*t.lead_units, *t.units))
    lead: dict[str, _SeqList] = {}
    co: dict[str, _SeqList] = {}
    seen: dict[str, set[str]] = {}
    order: list[str] = []

    def note(written: str) -> str:
        name = canonical[written]
        if name not in seen:
            order.append(name)
            seen[name] = set()
        seen[name].add(written)
        return name

    for t in tasks:
        task_leads = set()
        for written in t.lead_units:
            name = note(written)
            task_leads.add(name)
            _seqs_of(lead, name).add(t.seq)
        for written in t.units:
            name = note(written)
            seqs = _seqs_of(co, name)
            if name not in task_leads and (name not in lead or t.seq not in lead[name].seen):
                seqs.add(t.seq)
    return [
        UnitSummary(name=n, aliases=sorted(seen[n] - {n}), type=reg.unit_type(n),
                    lead_tasks=lead[n].items if n in lead else [], co_tasks=co[n].items if n in co else [])
        for n in order
    ]
