"""Gold for the markdown set, written as character ranges into the shared files.

The markdown CVs hold real people's data, which must not be copied into the repository, so
their gold names no value. Each job's organization and role, each school's institution and
degree, is a list of ranges ``[start, end]``: end-exclusive code-point offsets into the file's
text as ``markdown.input_for`` reads it, usually one; more when markup cuts a value in pieces
("[Lab](url) and [Firm](url)": "Lab", "and", "Firm"). The scorer reads the value from the file
at run time: the pieces joined by a space, runs of whitespace made one space (a value may wrap
over two lines). A date's text is not its
value ("Spring '16", "2014 -- now"), so a date is its range and its value at the precision the
text states ("2016", "2016-03"); an ongoing job's end has no value and the job is ``current``.

Each gold file pins its CV by sha256 (the data folder's ``manifest.json`` has them): ranges into
a changed text would read other words, so a changed file is refused, never scored.

The gold files live in the source tree (``tests/evaluation/real/markdown_gold/<file stem>.json``),
next to the tests that read them, never in the package.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.evaluation.gold import GoldDate, GoldDocument, GoldEducation, GoldWork
from resume_etl.evaluation.real.data import SOURCE_REPO

GOLD_DIR = SOURCE_REPO / "tests" / "evaluation" / "real" / "markdown_gold"
"""Where the markdown gold is when the package runs from its source tree."""

Range = Annotated[tuple[int, int], Field(description="[start, end) code-point offsets")]
Pieces = Annotated[list[Range], Field(min_length=1, description="a value's pieces, in order")]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DateAt(_Model):
    """A date: where the text states it, and what it states, at the text's precision ("YYYY",
    "YYYY-MM" or "YYYY-MM-DD"); no value is an ongoing end ("Present", "now")."""

    at: Range
    value: GoldDate | None = None


class JobAt(_Model):
    """One job by ranges; a field the CV does not state is None."""

    organization: Pieces | None = None
    role: Pieces | None = None
    start: DateAt | None = None
    end: DateAt | None = None
    current: bool = False

    @model_validator(mode="after")
    def _current_has_no_end_value(self) -> Self:
        end_value = self.end.value if self.end is not None else None
        ends_open = self.end is not None and end_value is None
        if (self.current and end_value is not None) or (ends_open and not self.current):
            raise ValueError(
                "a current job's end has no value (a range, or none when the text leaves the "
                "end blank: 'May 2020-'), and only a current job's"
            )
        if self.start is not None and self.start.value is None:
            raise ValueError("a start needs a value")
        return self


class SchoolAt(_Model):
    """One school by ranges; a school still ongoing has no end."""

    institution: Pieces | None = None
    degree: Pieces | None = None
    start: DateAt | None = None
    end: DateAt | None = None

    @model_validator(mode="after")
    def _dates_have_values(self) -> Self:
        if any(date is not None and date.value is None for date in (self.start, self.end)):
            raise ValueError("a school's dates need values (one still ongoing has no end)")
        return self


class MarkdownGold(_Model):
    """The gold of one markdown CV, by ranges into its text."""

    file: str = Field(description="The CV's file name in the data folder's markdown/.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    work: list[JobAt] = Field(default_factory=list)
    education: list[SchoolAt] = Field(default_factory=list)


def load_markdown_gold(folder: Path | None) -> dict[str, MarkdownGold]:
    """Every gold file of ``folder`` keyed by the CV's file name (none without a folder)."""
    if folder is None or not folder.is_dir():
        return {}
    found: dict[str, MarkdownGold] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            gold = MarkdownGold.model_validate_json(path.read_text(encoding="utf-8"))
        except ValidationError as error:
            raise ValueError(f"{path}: {error}") from error
        found[gold.file] = gold
    return found


def check_pinned(gold: MarkdownGold, path: Path) -> None:
    """Refuse a CV whose bytes are not the ones its gold was written for."""
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    if actual != gold.sha256:
        raise ResumeEtlError(
            ErrorCode.E109_GOLD_INPUT_CHANGED,
            f"{path} changed since its markdown gold was written: its sha256 is {actual}, the "
            f"gold pins {gold.sha256}; the gold's ranges would read other words",
            "Restore the file the gold was written for, or read the new file and write its gold "
            "again (docs/evaluation.md, 'Markdown: gold by ranges').",
        )


def _piece(text: str, at: Range, where: str) -> str:
    start, end = at
    if not 0 <= start < end <= len(text):
        raise ValueError(f"{where}: range {list(at)} is outside the text (0..{len(text)})")
    piece = " ".join(text[start:end].split())
    if not piece:
        raise ValueError(f"{where}: range {list(at)} reads only whitespace")
    return piece


def _value(text: str, pieces: Sequence[Range] | None, where: str) -> str | None:
    if pieces is None:
        return None
    return " ".join(_piece(text, at, where) for at in pieces)


def _date(text: str, date: DateAt | None, where: str) -> str | None:
    if date is None:
        return None
    _piece(text, date.at, where)  # the range must read something, as a value's does
    return date.value


def gold_document(gold: MarkdownGold, text: str, document: str) -> GoldDocument:
    """The gold record of one CV, its values read from ``text`` (the CV as the scorer reads
    it); a range outside the text or over whitespace only is a ValueError naming it."""
    work = [
        GoldWork(
            organization=_value(text, job.organization, f"{gold.file} work[{i}].organization"),
            role=_value(text, job.role, f"{gold.file} work[{i}].role"),
            start=_date(text, job.start, f"{gold.file} work[{i}].start"),
            end=_date(text, job.end, f"{gold.file} work[{i}].end"),
            current=job.current,
        )
        for i, job in enumerate(gold.work)
    ]
    education = [
        GoldEducation(
            institution=_value(text, school.institution, f"{gold.file} education[{i}].institution"),
            degree=_value(text, school.degree, f"{gold.file} education[{i}].degree"),
            start=_date(text, school.start, f"{gold.file} education[{i}].start"),
            end=_date(text, school.end, f"{gold.file} education[{i}].end"),
        )
        for i, school in enumerate(gold.education)
    ]
    return GoldDocument(document=document, work=work, education=education)
