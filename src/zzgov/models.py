"""Pydantic records: the single source of truth for zzgov's JSON contract.

Every record that points into a document carries a `Span` of Unicode code point offsets
into the *original decoded text* of its source file, so `text[span.start:span.end]` shows
exactly where it came from.  `zzgov schema` prints the JSON Schema generated from these
models; `zzgov validate` checks files against them.

The contract (../shared/CONTRACT.md) fixes the names below; fields marked "zzgov extension"
are additions the contract allows.
"""

# No `from __future__ import annotations` here: pydantic would then evaluate each field's
# annotation from its string, compiling ~100 expressions in every run that imports the models.
import dataclasses
import functools
from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_serializer, model_validator
from pydantic.dataclasses import dataclass

from zzgov import kinds

SCHEMA_VERSION = "1.0"

DocKind = Literal[kinds.NAMES]  # type: ignore[valid-type]  # the registry's names (zzgov.kinds)
Comparator = Literal["=", ">=", "<=", "~", "range"]
Direction = Optional[Literal["up", "down"]]
FigureKind = Literal["target", "actual"]
UnitType = Literal[
    "department",  # 市发展改革委, 市财政局
    "district_government",  # 二七区政府, 各县（市、区）政府 is a collective
    "development_zone",  # 郑东新区管委会
    "enterprise",  # 市供电公司, 市地铁集团
    "people_organisation",  # 市总工会, 团市委, 市妇联
    "collective",  # 市政府各部门, 相关县（市、区）政府
    "military",  # 郑州警备区
    "other",
]


# Unknown keys are an error: `zzgov validate` must catch misspelt or damaged fields.
_FORBID_EXTRA = ConfigDict(extra="forbid")


class Record(BaseModel):
    """A record a document holds one of (Document, Source, Meta)."""

    model_config = _FORBID_EXTRA


# Records a document holds many of (spans, figures, tasks, sections, summaries) are slotted
# pydantic dataclasses: validated as a model is, but ~150 bytes where a model instance takes
# ~1.3 KB (a __dict__ and a set of the fields it was given).  A dense document holds 70,000
# figures, each with a span and a normalized value: as models they came to 170 MB, and on a
# VM where every fresh page is a costly fault, memory was time.  kw_only keeps the fields in
# contract order (a field with a default may precede one without).
record = dataclass(slots=True, kw_only=True, config=_FORBID_EXTRA)


class DataRecord:
    """The `BaseModel` methods that code written for model records calls, on the dataclass
    records: `Figure.model_validate(d)`, `fig.model_dump()`, `fig.model_dump_json()`.

    Two model options have no meaning here and are refused rather than ignored:
    `exclude_unset` (a record keeps no set of the fields it was given: that set is what the
    slots save) and `from_attributes` (pydantic validates a dataclass from a dict or an
    instance only)."""

    __slots__ = ()  # keeps the records' instances without a __dict__

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any):
        if kwargs.get("from_attributes"):
            raise TypeError(f"{cls.__name__} is a dataclass record: validate a dict, not attributes")
        return type_adapter(cls).validate_python(obj, **kwargs)

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        self._refuse_exclude_unset(kwargs)
        return type_adapter(type(self)).dump_python(self, **kwargs)

    def model_dump_json(self, **kwargs: Any) -> str:
        self._refuse_exclude_unset(kwargs)
        return type_adapter(type(self)).dump_json(self, **kwargs).decode("utf-8")

    def _refuse_exclude_unset(self, kwargs: dict[str, Any]) -> None:
        if kwargs.get("exclude_unset"):
            raise TypeError(f"{type(self).__name__} is a dataclass record and keeps no set of the fields "
                            "it was given: use exclude_defaults")


@functools.lru_cache(maxsize=None)
def type_adapter(tp: Any) -> TypeAdapter:
    """One TypeAdapter per type (`Figure`, `list[Figure]`), built on first use: building one
    generates the type's whole core schema again."""
    return TypeAdapter(tp)


def _new_list() -> list:
    # A Python function, not the builtin `list`: pydantic reads a default factory's signature,
    # and a builtin's comes from its text signature through the tokenizer, whose pattern
    # compile costs every run a millisecond.
    return []


def _empty_list():
    """A list field's default: a new list per record, and `"default": []` in the JSON Schema as
    a model field's `= []` gives (pydantic reads a dataclass field's metadata as Field
    arguments; `Field(default=[])` would also do, but moves the field first in the schema)."""
    return dataclasses.field(default_factory=_new_list, metadata={"json_schema_extra": {"default": []}})


@record
class Span(DataRecord):
    # Annotated, not `= Field(...)`: in a dataclass a Field default would count as a default
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


@record
class SourceCell(DataRecord):
    """zzgov extension: where a stretch of extracted text sat in a table of the original
    (.docx, .html, .pdf): the table's number in the document and the row and column of its
    grid, all 0-based; a cell merged down is listed in every row it was repeated into."""

    span: Span
    table: Annotated[int, Field(ge=0)]
    row: Annotated[int, Field(ge=0)]
    col: Annotated[int, Field(ge=0)]


SourceFormat = Literal["text", "html", "docx", "pdf"]


class Source(Record):
    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")  # of the file's bytes
    encoding: str
    chars: int = Field(ge=0)  # of the text spans point into (the extracted text)
    # zzgov extensions, written only for documents zzgov extracted the text from (a plain
    # text file's output stays as it was): the format, the library that extracted the text
    # (`zzgov text FILE` prints that text), a PDF's page start offsets and the table cells.
    format: Optional[SourceFormat] = None
    extractor: Optional[str] = None
    pages: list[Annotated[int, Field(ge=0)]] = []
    cells: list[SourceCell] = []

    @model_serializer(mode="wrap")
    def _omit_unset_extensions(self, handler):
        data = handler(self)
        for name in ("format", "extractor", "pages", "cells"):
            if not data.get(name):
                data.pop(name, None)
        return data


@record
class Requirement(DataRecord):
    """zzgov extension: a numbered requirement in a notice's own body (一、项目化推进 …)."""

    label: str
    title: str
    span: Span


class Meta(Record):
    title: Optional[str] = None
    doc_number: Optional[str] = None
    issuer: Optional[str] = None
    recipients: list[str] = []
    signed_date: Optional[str] = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    printed_date: Optional[str] = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    printed_by: Optional[str] = None
    cc: list[str] = []
    speaker: Optional[str] = None
    speaker_title: Optional[str] = None
    year: Optional[int] = None
    published: Optional[str] = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
    outlet: Optional[str] = None
    authors: list[str] = []
    # zzgov extensions
    attachment_title: Optional[str] = None
    sponsor: Optional[str] = None  # 主办
    supervisor: Optional[str] = None  # 督办
    column: Optional[str] = None  # news column title, e.g. 政府工作报告之郑州实践
    place: Optional[str] = None  # the place the document is about: 郑州市, 河南省, 余杭区
    continued_from: Optional[str] = None  # （上接一版）
    continued_to: Optional[str] = None  # （下转三版）
    requirements: list[Requirement] = []
    # where each value above was read: field name -> span of its source text
    spans: dict[str, Span] = {}


@record
class Section(DataRecord):
    id: str
    parent: Optional[str] = None
    level: Annotated[int, Field(ge=1)]
    label: str
    title: str
    span: Span
    # zzgov extension: "review" (past results) or "plan" (targets, work ahead), when known
    part: Optional[Literal["review", "plan"]] = None


@record
class Task(DataRecord):
    id: str
    seq: int
    section: Optional[str] = None
    text: str
    leaders: list[str] = _empty_list()
    lead_units: list[str] = _empty_list()
    units: list[str] = _empty_list()
    units_open: list[str] = _empty_list()
    deadlines: list[str] = _empty_list()
    span: Span


@record
class Normalized(DataRecord):
    value: float
    unit: str


@record
class Figure(DataRecord):
    id: str
    metric: Optional[str] = None
    value: float
    value_max: Optional[float] = None
    unit: str
    comparator: Comparator
    direction: Direction = None
    kind: FigureKind
    task: Optional[int] = None
    section: Optional[str] = None
    span: Span
    # zzgov extensions
    normalized: Optional[Normalized] = None
    estimate: bool = False  # 预计: an estimate, not a final figure
    headline: bool = False  # one of a report's 主要预期目标
    metric_span: Optional[Span] = None  # where the metric's words stand (for a name shared
    # by a list or referred back to, the words it was read from)
    indicator: Optional[str] = None  # id of the standard indicator stated (data/indicators.yaml)


@record
class LeaderSummary(DataRecord):
    name: str
    tasks: list[int] = _empty_list()


@record
class UnitSummary(DataRecord):
    name: str
    aliases: list[str] = _empty_list()
    type: UnitType = "other"
    lead_tasks: list[int] = _empty_list()
    co_tasks: list[int] = _empty_list()


class Document(Record):
    schema_version: str = SCHEMA_VERSION
    id: str
    source: Source
    kind: DocKind
    kind_confidence: Optional[float] = Field(default=None, ge=0, le=1)  # zzgov extension
    meta: Meta = Meta()
    sections: list[Section] = []
    tasks: list[Task] = []
    figures: list[Figure] = []
    leaders: list[LeaderSummary] = []
    units: list[UnitSummary] = []
    warnings: list[str] = []
