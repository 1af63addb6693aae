"""Validate: build the Pydantic records of every table from the drafts extract made.

A draft names its record's fields (``stages/extract/_draft.py``); validate expands each field by
its kind, derived from the model: a found value into the value, its span checked against the
text and its confidence; ``dates`` into the date columns; ``(start, end)`` pairs into spans. No
table is copied field by field here, so a field added to a record needs no edit in this module.

A draft that breaks a record rule (a span outside the text, a GPA above its scale, a value
that does not match the text at its span) becomes a ``quarantine`` row naming the table and the
rule, and the rest of the document still loads: nothing is dropped silently and nothing crashes.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from resume_etl.dates import (
    DateRangeMatch,
    ends_before_start,
    entry_interval,
    interval_months,
    merged_months,
)
from resume_etl.errors import ErrorCode
from resume_etl.records import TABLE_FOR_MODEL, CharSpan, ProfileRecord, QuarantineRecord, Record
from resume_etl.stages.extract import (
    DATES,
    Draft,
    DraftField,
    DraftValue,
    Extracted,
    ExtractedDocument,
    Kind,
    Normalized,
)
from resume_etl.stages.quality import flag_document
from resume_etl.vocab import DateIssue, Stage

SpanColumn = Callable[..., object]
"""Makes a span column from ``start=`` and ``end=``: ``CharSpan`` itself, or its fields."""


class SpanMismatchError(ValueError):
    """A value and the text at its span disagree: the span would highlight the wrong text."""


@dataclass(slots=True)
class ValidatedDocument:
    """Rows per table for one document, and what was rejected."""

    doc_id: str
    rows: dict[str, list[BaseModel]] = field(default_factory=dict)
    quarantine: list[QuarantineRecord] = field(default_factory=list)

    def add(self, record: BaseModel) -> None:
        self.rows.setdefault(TABLE_FOR_MODEL[type(record)], []).append(record)

    def extend(self, records: Sequence[BaseModel]) -> None:
        """Records of one model, in order (as ``add`` of each)."""
        if records:
            self.rows.setdefault(TABLE_FOR_MODEL[type(records[0])], []).extend(records)


def span_of(found: Extracted | None, text: str, across_lines: bool = False) -> CharSpan | None:
    """The span of a value, checked against the text it claims to come from.

    ``across_lines``: the value may be read across a hard line wrap (a citation's title), its
    words stated with each line break and indentation read as one space, so the two are checked
    for the same characters apart from whitespace.
    """
    extent = checked_extent(found, text, across_lines)
    return None if extent is None else CharSpan(start=extent[0], end=extent[1])


def checked_extent(
    found: Extracted | None, text: str, across_lines: bool = False
) -> tuple[int, int] | None:
    """``span_of``'s ``(start, end)``, checked the same way, before it becomes a ``CharSpan``."""
    if found is None:
        return None
    written = text[found.start : found.end]
    same = (
        "".join(written.split()) == "".join(found.value.split())
        if across_lines
        else written == found.value
    )
    if not same:
        raise SpanMismatchError(
            f"value {found.value!r} does not match the text at [{found.start}, {found.end})"
        )
    return found.start, found.end


def date_fields(dates: DateRangeMatch | None, text: str, today: dt.date) -> dict[str, object]:
    """The shared date columns of an entry, with an issue flag instead of a fix."""
    if dates is None:
        return {}
    start, end = dates.start, dates.end
    issue = DateIssue.END_BEFORE_START if ends_before_start(dates) else dates.issue
    interval = entry_interval(dates, today)
    return {
        "start_date": start.value if start else None,
        "start_precision": start.precision if start else None,
        "end_date": None if dates.is_current or end is None else end.value,
        "end_precision": None if dates.is_current or end is None else end.precision,
        "is_current": dates.is_current,
        "date_text": dates.text,
        "date_span": span_of(Extracted(dates.text, dates.start_char, dates.end_char), text),
        "date_issue": issue,
        "duration_months": interval_months(interval) if interval else None,
    }


def record_of(
    draft: Draft[Any], doc_id: str, text: str, today: dt.date, **derived: object
) -> Record:
    """The record a draft describes: each field expanded into its columns by its kind, in the
    model's order, then ``derived`` (what validate sums up from other drafts)."""
    return draft.model(**columns_of(draft, doc_id, text, today), **derived)


def columns_of(
    draft: Draft[Any], doc_id: str, text: str, today: dt.date, span: SpanColumn = CharSpan
) -> dict[str, object]:
    """The columns of a draft's record, each field expanded by its kind.

    A plain value, most of a record's fields, is copied with the others in one step and only
    the other kinds are expanded one by one: this runs once per record, and a document of
    bullets has hundreds of metrics (a loop over every field of a metric cost 3.7 µs, a tenth
    of its whole cost). The columns are keyword arguments of a model, so their order is not
    the model's; the fields that may raise are still expanded in the model's order. ``span``
    makes the span column of a found value from its checked ``start`` and ``end``: a
    ``CharSpan``, or its fields for a list of records that pydantic validates in one call.
    """
    values = draft.values  # a property: read once
    columns: dict[str, object] = {"doc_id": doc_id, **values}
    for name, value in values.items():
        if isinstance(value, tuple):
            columns[name] = list(value)  # a plain tuple; the other kinds are replaced below
    for name, spec in draft.expanded:
        if name not in values:
            continue
        value = values[name]
        if spec.kind is Kind.FOUND:
            _found_columns(columns, name, spec, value, text, span)
        else:
            del columns[name]  # ``dates`` becomes the date columns, an extent its span
            columns.update(_columns(name, spec, value, text, today))
    return columns


def records_together(
    drafts: Sequence[Draft[Any]], doc_id: str, text: str, today: dt.date
) -> list[Record] | None:
    """The records of drafts of one model, validated as one list, or None if one breaks a rule.

    The same records ``record_of`` builds one by one (the same columns, the same model
    validation), but pydantic checks a list in one call, without a Python call per record.
    None tells the caller to build each alone, so that the one breaking a rule, and only it,
    becomes a quarantine row with its own reason.
    """
    adapter = _list_of(drafts[0].model)
    records: list[Record] = []
    try:
        for at in range(0, len(drafts), TOGETHER):
            chunk = drafts[at : at + TOGETHER]
            columns = [columns_of(draft, doc_id, text, today, _span_fields) for draft in chunk]
            records.extend(adapter.validate_python(columns))
    except (ValidationError, SpanMismatchError):
        return None
    return records


TOGETHER = 1_000
"""Drafts validated in one call: the columns of one such list are alive at once (three dicts a
metric), so a document of 100,000 metrics builds its records beside 1,000 metrics' columns, not
beside all of theirs (some 100 MB more)."""


@functools.cache
def _list_of(model: type[Record]) -> TypeAdapter[list[Record]]:
    """The validator of a list of ``model`` records, built once per model."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _columns(
    name: str, spec: DraftField, value: DraftValue, text: str, today: dt.date
) -> dict[str, object]:
    if spec.kind is Kind.DATES:
        return date_fields(value if isinstance(value, DateRangeMatch) else None, text, today)
    if spec.kind is Kind.EXTENT and isinstance(value, tuple):
        return {name: _char_span(value)}
    if spec.kind is Kind.EXTENTS and isinstance(value, tuple):
        return {name: [_char_span(extent) for extent in value]}
    return {name: list(value) if isinstance(value, tuple) else value}


def _found_columns(
    columns: dict[str, object],
    name: str,
    spec: DraftField,
    value: DraftValue,
    text: str,
    span: SpanColumn,
) -> None:
    """A value, its checked span and, where the model has a column for it, its confidence."""
    found = value.found if isinstance(value, Normalized) else value
    if not isinstance(found, Extracted):
        found = None
    columns[name] = value.value if isinstance(value, Normalized | Extracted) else None
    if spec.span is not None:
        extent = checked_extent(found, text, spec.across_lines)
        columns[spec.span] = None if extent is None else span(start=extent[0], end=extent[1])
    if spec.confidence is not None:
        columns[spec.confidence] = found.confidence if found else None


def _span_fields(start: int, end: int) -> dict[str, int]:
    """A span column as the fields pydantic validates into a ``CharSpan``."""
    return {"start": start, "end": end}


def _char_span(extent: object) -> CharSpan:
    """``(start, end)`` as a span; anything else fails the span's own check."""
    start, end = extent if isinstance(extent, tuple) and len(extent) == 2 else (None, None)
    return CharSpan(start=start, end=end)


def validate(extracted: ExtractedDocument, today: dt.date) -> ValidatedDocument:
    """Stage entry point: every draft becomes a record or a quarantine row.

    ``today`` is the run's reference date (``[extract.dates] reference_date``): ongoing entries
    end there, so a rerun with the same setting gives the same durations.
    """
    document = extracted.segmented.document
    text = document.text
    doc_id = document.doc_id
    result = ValidatedDocument(doc_id)
    result.add(document)

    @contextmanager
    def guard(model: type[BaseModel]) -> Iterator[None]:
        """A record that breaks a rule becomes a quarantine row; the rest of the document loads."""
        try:
            yield
        except (ValidationError, SpanMismatchError) as error:
            result.quarantine.append(
                _rejected(document.source_path, document.content_sha256, doc_id, model, error)
            )

    with guard(ProfileRecord):
        total = _total_experience(extracted, today)
        result.add(record_of(extracted.profile, doc_id, text, today, total_experience_months=total))
    for _, run in itertools.groupby(extracted.drafts(), key=lambda draft: draft.model):
        drafts = list(run)
        together = records_together(drafts, doc_id, text, today)
        if together is not None:
            result.extend(together)
            continue
        for draft in drafts:
            with guard(draft.model):
                result.add(record_of(draft, doc_id, text, today))
    # from the rows that loaded: a rejected entry is no entry
    flag_document(result.rows, metrics_capped=extracted.metrics_capped)
    return result


def _total_experience(extracted: ExtractedDocument, today: dt.date) -> int | None:
    intervals = [
        interval
        for experience in extracted.experiences
        if (dates := experience.get(DATES, DateRangeMatch)) is not None
        and (interval := entry_interval(dates, today)) is not None
    ]
    return merged_months(intervals) if intervals else None


def _rejected(
    source_path: str, content_sha256: str, doc_id: str, model: type[BaseModel], error: Exception
) -> QuarantineRecord:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        reason = f"{where}: {first['msg']}" if where else first["msg"]
    else:
        reason = str(error)
    return QuarantineRecord(
        doc_id=doc_id,
        source_path=source_path,
        content_sha256=content_sha256,
        stage=Stage.VALIDATE,
        error_code=ErrorCode.E030_INVALID_RECORD,
        error_type=type(error).__name__,
        reason=reason.splitlines()[0][:500],
        record_type=TABLE_FOR_MODEL[model],
    )


def flatten(documents: Iterable[ValidatedDocument]) -> dict[str, list[BaseModel]]:
    """All rows of many documents, per table, in document order."""
    tables: dict[str, list[BaseModel]] = {}
    for document in documents:
        for table, rows in document.rows.items():
            tables.setdefault(table, []).extend(rows)
        tables.setdefault("quarantine", []).extend(document.quarantine)
    return tables
