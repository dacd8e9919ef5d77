"""What every document-kind reader returns: a meta draft and the records it built."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from zzgov.models import Figure, Meta, Section, Span, Task

# Meta's fields a reader fills (spans are kept beside them, by `MetaDraft.set`).
_META_FIELDS = tuple(name for name in Meta.model_fields if name != "spans")


class MetaDraft:
    """The meta a reader finds, field by field, with where it read each (`set`).  Its fields are
    Meta's, read and written as attributes while reading; `build` makes the one `Meta` record,
    validated, on the parse path: a value the record refuses (a date not written YYYY-MM-DD) is
    left out with a warning, never first noticed by `zzgov validate`."""

    def __init__(self) -> None:
        for name in _META_FIELDS:
            setattr(self, name, Meta.model_fields[name].get_default(call_default_factory=True))
        self.spans: dict[str, tuple[int, int]] = {}
        self.place_read = False  # whether figures.place.place_of has read the text for a place

    if TYPE_CHECKING:  # Meta's fields, set in __init__
        def __getattr__(self, name: str) -> Any: ...

    def set(self, name: str, value: Any, start: int, end: int) -> None:
        """Set a field and record where the original text holds it."""
        if name not in Meta.model_fields or name == "spans":
            raise AttributeError(f"Meta has no field {name!r}")
        setattr(self, name, value)
        self.spans[name] = (start, end)

    def build(self, warnings: list[str]) -> Meta:
        data = {name: getattr(self, name) for name in _META_FIELDS}
        spans = dict(self.spans)
        try:
            return _meta(data, spans)
        except ValidationError as e:
            for err in e.errors():
                name = err["loc"][0] if err["loc"] else None
                if name not in data:
                    raise
                warnings.append(f"meta {name}: {data[name]!r} is not valid ({err['msg']}); left out")
                data[name] = Meta.model_fields[name].get_default(call_default_factory=True)
                spans.pop(name, None)
            return _meta(data, spans)


def _meta(data: dict[str, Any], spans: dict[str, tuple[int, int]]) -> Meta:
    return Meta.model_validate({**data, "spans": {k: Span(start=a, end=b) for k, (a, b) in spans.items()}})


@dataclass
class ParseResult:
    meta: MetaDraft
    sections: list[Section]
    tasks: list[Task] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
