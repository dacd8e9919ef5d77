"""The result every document-kind parser returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from zzgov.models import Figure, Meta, Section, Task


@dataclass
class ParseResult:
    meta: Meta
    sections: list[Section]
    tasks: list[Task] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
