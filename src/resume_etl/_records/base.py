"""What every record is built from: character spans, the row base and the date columns.

A span column may be marked with the value column it locates (``SpanOf``); the schema and the
drafts of ``stages/extract/_draft`` read the marks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from resume_etl.vocab import DateIssue, DatePrecision

Confidence = Annotated[float, Field(ge=0.0, le=1.0)]


@dataclass(frozen=True, slots=True)
class SpanOf:
    """Marks a span column as where a value column is: ``role_span`` is where ``role`` is
    unmarked, a ``span`` is the text its row covers unless marked (``SpanOf("value")``). Extract
    gives the value once, with where it is; validate writes both (``stages/extract/_draft``).
    ``across_lines``: the value reads line breaks as spaces (a wrapped citation title)."""

    field: str
    across_lines: bool = False


class CharSpan(BaseModel):
    """Half-open character offsets ``[start, end)`` into the document's normalized text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0, description="Offset of the first character.")
    end: int = Field(ge=0, description="Offset one past the last character.")

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"span ends at {self.end}, before it starts at {self.start}")
        return self


class Record(BaseModel):
    """Base of every table row: frozen, strict about unknown fields, tied to a document."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str = Field(
        min_length=1, description="Stable id of the document, derived from its normalized text."
    )


class DatedEntry(Record):
    """Date columns shared by experiences, education and projects."""

    start_date: dt.date | None = Field(
        default=None, description="First day of the period the start date states."
    )
    start_precision: DatePrecision | None = Field(
        default=None, description="How much of the start date the text stated."
    )
    end_date: dt.date | None = Field(
        default=None, description="First day of the period the end date states; null if open."
    )
    end_precision: DatePrecision | None = Field(
        default=None, description="How much of the end date the text stated."
    )
    is_current: bool = Field(
        default=False, description="True when the entry is ongoing (Present, Current, 🚀 …)."
    )
    date_text: str | None = Field(default=None, description="The date expression as written.")
    date_span: CharSpan | None = Field(default=None, description="Where date_text is.")
    date_issue: DateIssue | None = Field(
        default=None, description="Why the dates look wrong; the dates are kept, not fixed."
    )
    duration_months: int | None = Field(
        default=None,
        ge=1,
        description=(
            "Months covered, both ends included ('Jan 2020 - Mar 2020' is 3, '2019 - 2021' is "
            "36); ongoing entries end in the run's reference month."
        ),
    )

    @model_validator(mode="after")
    def _precision_goes_with_date(self) -> Self:
        for side in ("start", "end"):
            has_date = getattr(self, f"{side}_date") is not None
            has_precision = getattr(self, f"{side}_precision") is not None
            if has_date != has_precision:
                raise ValueError(f"{side}_date and {side}_precision must both be set or both null")
        if self.is_current and self.end_date is not None:
            raise ValueError("a current entry cannot have an end_date")
        return self
