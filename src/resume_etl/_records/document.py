"""Records of a whole document: the file as read, who it is about, its sections, and what could
not become rows (the quarantine)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from resume_etl._records.base import CharSpan, Confidence, Record
from resume_etl.errors import ErrorCode
from resume_etl.vocab import QualityFlag, SectionKind, SourceFormat, Stage


class DocumentRecord(Record):
    """One input file, decoded and normalized; the text every span points into."""

    source_path: str = Field(description="Path of the input file as given to the run.")
    person_key: str = Field(
        description=(
            "Stable key of the person the file is about (16 hex digits): a hash of the file's "
            "path relative to the output folder (or, with ingest.person_key = 'name', of its "
            "file name), so it survives edits to the text, which change doc_id. Exports name "
            "site folders and search documents by it."
        )
    )
    content_sha256: str = Field(description="SHA-256 of the file's raw bytes.")
    size_bytes: int = Field(ge=0, description="Size of the raw file.")
    encoding: str = Field(description="Encoding the bytes were decoded with.")
    encoding_doubt: str | None = Field(
        default=None,
        description=(
            "Why the encoding chosen for a file that is not Unicode may be the wrong one (too "
            "little text to tell, or odd characters in every reading); null when it is sure. "
            "Check these texts: a wrong encoding garbles every non-ASCII letter."
        ),
    )
    source_format: SourceFormat = Field(
        default=SourceFormat.TEXT, description="Kind of file the text was read from."
    )
    reader: str = Field(
        default="text",
        description="What read the file: 'text', or the library and version (pdfplumber 0.11.10).",
    )
    page_count: int | None = Field(
        default=None, ge=0, description="Pages of a PDF; null for formats without pages."
    )
    repairs: list[str] = Field(
        default_factory=list,
        description=(
            "Repairs made while reading and normalizing (layout: columns, page furniture, joined "
            "wrapped lines, headings; ftfy fixes, bullets, dashes, whitespace, cjk_separators; "
            "line_breaks: line "
            "breaks restored in text that arrived as one line)."
        ),
    )
    text: str = Field(description="Normalized text; every span in every table points into it.")
    char_count: int = Field(ge=0, description="Length of text in characters.")
    line_count: int = Field(ge=0, description="Number of lines in text.")
    quality_flags: list[QualityFlag] = Field(
        default_factory=list,
        description=(
            "Why the document's rows deserve a second look: its line breaks were restored, it "
            "has no section headings, a section of entries yielded none, its legacy encoding "
            "is in doubt, or it held more figures than its metrics are read for (each flag once)."
        ),
    )


class ProfileRecord(Record):
    """Who the document is about: one row per document."""

    name: str | None = Field(
        default=None, description="The person's name, when the text states it."
    )
    name_span: CharSpan | None = Field(default=None, description="Where name is.")
    name_confidence: Confidence | None = Field(
        default=None, description="How sure the name rule was (label > statement > first line)."
    )
    headline: str | None = Field(default=None, description="Short professional headline.")
    headline_span: CharSpan | None = Field(default=None, description="Where headline is.")
    location: str | None = Field(default=None, description="Where the person is based.")
    location_span: CharSpan | None = Field(default=None, description="Where location is.")
    summary: str | None = Field(default=None, description="Text of the summary/about section.")
    summary_span: CharSpan | None = Field(default=None, description="Where summary is.")
    total_experience_months: int | None = Field(
        default=None,
        ge=0,
        description=(
            "Months covered by the experiences' dates, overlapping jobs counted once; null "
            "when no experience has a start date."
        ),
    )


class SectionRecord(Record):
    """A section of the document (Experience, Education, …) and the text it covers."""

    section_id: str = Field(description="Id of the section, unique across tables.")
    position: int = Field(ge=0, description="Order of the section in the document.")
    kind: SectionKind = Field(description="What the section is about, from its heading.")
    heading: str | None = Field(default=None, description="Heading text; null for the header.")
    heading_span: CharSpan | None = Field(default=None, description="Where heading is.")
    span: CharSpan = Field(description="Text the section covers, heading included.")
    entry_count: int = Field(ge=0, description="Number of entries split from the section.")


class QuarantineRecord(BaseModel):
    """Something that could not become rows, and why: nothing handed to a run is dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str | None = Field(default=None, description="Document id, once known.")
    source_path: str = Field(description="Input file.")
    content_sha256: str | None = Field(default=None, description="SHA-256 of the raw bytes.")
    stage: Stage = Field(description="Stage that gave up.")
    error_code: ErrorCode = Field(description="Stable error code (see errors.py).")
    error_type: str = Field(description="Exception or rule name.")
    reason: str = Field(description="One line a person can act on.")
    record_type: str | None = Field(default=None, description="Table of the rejected record.")
