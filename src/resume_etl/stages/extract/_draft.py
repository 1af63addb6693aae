"""Drafts: what extract found for one record, keyed by the fields of the record model itself.

The schema is written once, in the models ``records.py`` gathers. A draft takes the names of its
model's fields, and what each name holds is derived from the model (``draft_fields``), never
declared again:

- a value the text states, with a span column beside it (``role`` and ``role_span``, or a column
  marked ``SpanOf("value")``), is given once, as ``Extracted`` (the text, where it is, how sure
  the rule was); a value normalized from what is written (an employment type, a GPA) as
  ``Normalized``. Validate writes the value, its span checked against the text and, where the
  model has one, ``<name>_confidence``.
- the date columns of a ``DatedEntry`` are one field, ``dates`` (a ``DateRangeMatch``).
- any other ``CharSpan`` column (the text an entry covers) is a ``(start, end)`` pair, a list of
  spans a tuple of pairs.
- any other field holds its value; ``doc_id`` is the document's and is never given.

So a field added to a model is a field of its draft: the code that finds it passes it by name,
and validate expands it by its kind (``stages/validate.py``). Each table's draft type is a
one-line subclass naming its model (``ExperienceCandidate(Draft[ExperienceRecord])``). Names are
checked when a draft is built, so a misspelt field fails at once, in the first test that builds
one; mypy checks the values against ``DraftValue``, the kinds above.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar, Generic, NoReturn, Self, TypeVar, get_args, get_origin

from resume_etl.dates import DateRangeMatch
from resume_etl.records import (
    CharSpan,
    ContactRecord,
    DatedEntry,
    EducationRecord,
    ExperienceRecord,
    LinkRecord,
    MetricRecord,
    ProfileRecord,
    ProjectRecord,
    PublicationRecord,
    Record,
    SectionRecord,
    SkillRecord,
    SpanOf,
)
from resume_etl.stages.segment import SegmentedDocument


@dataclass(frozen=True, slots=True)
class Extracted:
    """A value found in the text, where it is, and how sure the rule that found it is."""

    value: str
    start: int
    end: int
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Normalized:
    """A value read from what is written: ``found`` is the text (its span is checked), ``value``
    what the column holds (``EmploymentType.INTERNSHIP`` for "Intern", 3.8 for "GPA 3.8/4")."""

    value: str | float
    found: Extracted


def normalized(pair: tuple[str | float, Extracted] | None) -> Normalized | None:
    """A ``(value, where it is written)`` pair as a draft value."""
    return Normalized(*pair) if pair is not None else None


Extent = tuple[int, int]
"""``(start, end)`` of text a span column covers without stating a value (an entry's text)."""

DraftValue = (
    str
    | int
    | float
    | bool
    | None
    | Extracted
    | Normalized
    | DateRangeMatch
    | Extent
    | tuple[str, ...]
    | tuple[Extent, ...]
)
"""What a draft field may hold: a plain value (``str`` includes the vocabularies' StrEnums)."""

DATES = "dates"
"""The one draft field that stands for a ``DatedEntry``'s date columns."""


class Kind(Enum):
    """How validate turns a draft field into columns."""

    FOUND = "found"  # Extracted/Normalized -> value, checked span, confidence
    DATES = "dates"  # DateRangeMatch -> the DatedEntry columns
    EXTENT = "extent"  # (start, end) -> CharSpan
    EXTENTS = "extents"  # ((start, end), ...) -> list[CharSpan]
    PLAIN = "plain"  # the value itself (a tuple becomes a list)


@dataclass(frozen=True, slots=True)
class DraftField:
    """One field of a draft and the columns it becomes."""

    kind: Kind
    span: str | None = None
    confidence: str | None = None
    across_lines: bool = False


@functools.cache
def draft_fields(model: type[Record]) -> Mapping[str, DraftField]:
    """The fields of ``model``'s draft, in the model's order, each with its kind."""
    columns = model.model_fields
    spans: dict[str, tuple[str, bool]] = {}
    for name, info in columns.items():
        marker = next((m for m in info.metadata if isinstance(m, SpanOf)), None)
        if marker is not None:
            spans[marker.field] = (name, marker.across_lines)
        elif name.endswith("_span") and name.removesuffix("_span") in columns:
            spans.setdefault(name.removesuffix("_span"), (name, False))
    written_by_value = {span for span, _ in spans.values()} | {
        f"{value}_confidence" for value in spans if f"{value}_confidence" in columns
    }
    dated = issubclass(model, DatedEntry)
    fields: dict[str, DraftField] = {}
    for name, info in columns.items():
        if dated and name in DatedEntry.model_fields and name not in Record.model_fields:
            fields.setdefault(DATES, DraftField(Kind.DATES))
        elif name in Record.model_fields or name in written_by_value:
            continue
        elif name in spans:
            span, across_lines = spans[name]
            confidence = f"{name}_confidence" if f"{name}_confidence" in columns else None
            fields[name] = DraftField(Kind.FOUND, span, confidence, across_lines)
        else:
            fields[name] = DraftField(_kind_of(info.annotation))
    return fields


def _kind_of(annotation: Any) -> Kind:
    origin, members = get_origin(annotation), get_args(annotation)
    if origin is list:
        return Kind.EXTENTS if members == (CharSpan,) else Kind.PLAIN
    return Kind.EXTENT if annotation is CharSpan or CharSpan in members else Kind.PLAIN


R = TypeVar("R", bound=Record)
T = TypeVar("T")


class Draft(Generic[R]):
    """What extract found for one record of model ``R``, by the model's field names.

    A field not given becomes the model's default. Reading ``draft.role`` gives what was given
    (or None); ``found``, ``extent`` and ``get`` read one field with its type checked.
    """

    __slots__ = ("_values",)
    model: ClassVar[type[Record]]
    fields: ClassVar[Mapping[str, DraftField]]
    _wanted: ClassVar[Mapping[str, tuple[type, ...]]]
    """What each field takes (``_WANTED`` of its kind), looked up once per class: every draft
    built checks each value it is given, thousands of times a run."""
    _checked: ClassVar[tuple[tuple[str, tuple[type, ...]], ...]]
    """The fields whose kind takes only some types, with them: a plain field takes any value,
    so a draft's check looks at these alone (a metric's two of its eleven)."""
    expanded: ClassVar[tuple[tuple[str, DraftField], ...]]
    """The fields that are not plain values, in the model's order: validate expands these one
    by one and copies the plain ones at once."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for base in getattr(cls, "__orig_bases__", ()):
            if get_origin(base) is Draft:
                (cls.model,) = get_args(base)
                cls.fields = draft_fields(cls.model)
                cls._wanted = {
                    name: _WANTED.get(spec.kind, (object,)) for name, spec in cls.fields.items()
                }
                cls._checked = tuple(
                    (name, types) for name, types in cls._wanted.items() if types != (object,)
                )
                cls.expanded = tuple(
                    (name, spec) for name, spec in cls.fields.items() if spec.kind is not Kind.PLAIN
                )

    def __init__(self, **values: DraftValue) -> None:
        if not self._wanted.keys() >= values.keys():
            unknown = sorted(set(values) - set(self.fields))
            raise TypeError(f"{self.model.__name__} has no draft field {', '.join(unknown)}")
        for name, types in self._checked:
            value = values.get(name)
            if value is not None and not isinstance(value, types):
                self._refuse(values)
        self._values: dict[str, DraftValue] = values

    def _refuse(self, values: Mapping[str, DraftValue]) -> None:
        """Raises for the first value, in the order given, that its field does not take."""
        for name, value in values.items():
            _check_kind(self.model, name, self.fields[name].kind, value)

    @property
    def values(self) -> Mapping[str, DraftValue]:
        """The fields given, by name."""
        return self._values

    def with_values(self, **values: DraftValue) -> Self:
        """A copy with ``values`` given too (an id numbered once the drafts are final)."""
        return type(self)(**{**self._values, **values})

    def __getattr__(self, name: str) -> DraftValue:
        if name.startswith("_") or name not in self.fields:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}")
        return self._values.get(name)

    def found(self, name: str) -> Extracted | None:
        """Where a found value is (a ``Normalized`` value's text), or None if not given."""
        value = self._values.get(name)
        if value is None or isinstance(value, Extracted):
            return value
        return value.found if isinstance(value, Normalized) else _wrong(self, name, value)

    def extent(self, name: str = "span") -> Extent:
        """The ``(start, end)`` a span field was given."""
        value = self._values.get(name)
        if isinstance(value, tuple) and len(value) == 2:
            start, end = value
            if isinstance(start, int) and isinstance(end, int):
                return start, end
        return _wrong(self, name, value)

    def get(self, name: str, kind: type[T]) -> T | None:
        """The value of field ``name``, which must be a ``kind`` (or not given)."""
        value = self._values.get(name)
        return value if value is None or isinstance(value, kind) else _wrong(self, name, value)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Draft) and type(other) is type(self) and other.values == self.values
        )

    def __hash__(self) -> int:
        return hash((type(self), tuple(self._values.items())))

    def __repr__(self) -> str:
        given = ", ".join(f"{name}={value!r}" for name, value in self._values.items())
        return f"{type(self).__name__}({given})"

    def __getstate__(self) -> dict[str, DraftValue]:
        return self._values

    def __setstate__(self, state: dict[str, DraftValue]) -> None:
        self._values = state


D = TypeVar("D", bound=Draft[Any])


def numbered(drafts: Iterable[D], id_field: str, mint: Callable[[int], str]) -> tuple[D, ...]:
    """The drafts with their ids, minted from their order once no more are dropped."""
    return tuple(draft.with_values(**{id_field: mint(index)}) for index, draft in enumerate(drafts))


_WANTED: dict[Kind, tuple[type, ...]] = {
    Kind.FOUND: (Extracted, Normalized),
    Kind.DATES: (DateRangeMatch,),
    Kind.EXTENT: (tuple,),
    Kind.EXTENTS: (tuple,),
}
"""What each kind of draft field takes (any other kind takes any value)."""


def _check_kind(model: type[Record], name: str, kind: Kind, value: DraftValue) -> None:
    """A found value must say where it was found, and dates must be a match: a plain string
    there would load without its span, so it is refused when the draft is built."""
    if value is not None and not isinstance(value, _WANTED.get(kind, (object,))):
        raise TypeError(f"{model.__name__}.{name} takes {kind.value}, not {value!r}")


def _wrong(draft: Draft[Any], name: str, value: DraftValue) -> NoReturn:
    raise TypeError(f"{type(draft).__name__}.{name} holds {value!r}")


class ProfileCandidate(Draft[ProfileRecord]):
    """Who the document is about."""


class SectionCandidate(Draft[SectionRecord]):
    """A section and the text it covers."""


class ExperienceCandidate(Draft[ExperienceRecord]):
    """One job."""


class EducationCandidate(Draft[EducationRecord]):
    """One degree or course of study."""


class ProjectCandidate(Draft[ProjectRecord]):
    """One project."""


class PublicationCandidate(Draft[PublicationRecord]):
    """One paper, article or talk."""


class SkillCandidate(Draft[SkillRecord]):
    """One skill and every place it is mentioned."""


class MetricCandidate(Draft[MetricRecord]):
    """One number that shows impact."""


class LinkCandidate(Draft[LinkRecord]):
    """One URL or social profile."""


class ContactCandidate(Draft[ContactRecord]):
    """One email address or phone number."""


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """The drafts of every table for one document, in the order validate builds them."""

    segmented: SegmentedDocument
    profile: ProfileCandidate
    experiences: tuple[ExperienceCandidate, ...]
    education: tuple[EducationCandidate, ...]
    projects: tuple[ProjectCandidate, ...]
    publications: tuple[PublicationCandidate, ...]
    skills: tuple[SkillCandidate, ...]
    metrics: tuple[MetricCandidate, ...]
    links: tuple[LinkCandidate, ...]
    contacts: tuple[ContactCandidate, ...]
    sections: tuple[SectionCandidate, ...] = ()
    metrics_capped: bool = False
    """A cap of the metrics component left a metric out (``QualityFlag.METRICS_CAPPED``)."""

    def drafts(self) -> Iterator[Draft[Any]]:
        """Every draft but the profile's (validate adds what the profile sums up)."""
        yield from self.sections
        for table in (self.experiences, self.education, self.projects, self.publications):
            yield from table
        for rows in (self.skills, self.metrics, self.links, self.contacts):
            yield from rows
