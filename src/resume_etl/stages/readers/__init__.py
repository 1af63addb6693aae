"""Format readers: PDF, DOCX and HTML files into the plain text ingest normalizes.

Chosen by the file's ending (``.pdf``, ``.docx``, ``.html``/``.htm``); any other ending is read
as text by ingest itself. Each reader's library is an optional extra, imported on first use.
Why these libraries: ``docs/formats.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from resume_etl.config import IngestSettings
from resume_etl.errors import ErrorCode
from resume_etl.stages.readers.base import ReaderError, Reading
from resume_etl.stages.readers.docx import read_docx
from resume_etl.stages.readers.html import read_html
from resume_etl.stages.readers.pdf import read_pdf
from resume_etl.vocab import SourceFormat

__all__ = [
    "ReaderError",
    "Reading",
    "SourceInfo",
    "read_formatted",
    "source_format",
    "source_info",
]

_FORMATS: dict[str, SourceFormat] = {
    ".pdf": SourceFormat.PDF,
    ".docx": SourceFormat.DOCX,
    ".html": SourceFormat.HTML,
    ".htm": SourceFormat.HTML,
    ".md": SourceFormat.MARKDOWN,
    ".markdown": SourceFormat.MARKDOWN,
}


_PARSED_FORMATS = frozenset({SourceFormat.PDF, SourceFormat.DOCX, SourceFormat.HTML})
"""Formats read by a parser: an empty file is E001, as an empty text is, not a damaged file (E040)
as each parser's complaint about a missing structure would make it."""


def source_format(path: Path) -> SourceFormat:
    """The format a file's ending names; text for any ending without a reader."""
    return _FORMATS.get(path.suffix.lower(), SourceFormat.TEXT)


def read_formatted(
    path: Path,
    data: bytes,
    settings: IngestSettings,
    decode: Callable[[bytes], tuple[str, str]],
) -> Reading | None:
    """Read a PDF, DOCX or HTML file; None for a text file, which ingest decodes itself.

    Raises ``ReaderError`` with the quarantine code when the file cannot be read.
    """
    kind = source_format(path)
    if kind in _PARSED_FORMATS and not data.strip():
        raise ReaderError(
            ErrorCode.E001_EMPTY, f"the {kind.value.upper()} file is empty ({len(data)} bytes)"
        )
    if kind is SourceFormat.PDF:
        return read_pdf(data, settings)
    if kind is SourceFormat.DOCX:
        return read_docx(data, settings)
    if kind is SourceFormat.HTML:
        return read_html(data, decode)
    return None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """How a file was read: the ``documents`` columns source_format, reader and page_count."""

    source_format: SourceFormat
    reader: str
    page_count: int | None


def source_info(path: Path, reading: Reading | None) -> SourceInfo:
    """What read ``path``: its reader's account, or ingest's own text decoding."""
    if reading is None:
        return SourceInfo(source_format(path), "text", None)
    return SourceInfo(reading.source_format, reading.reader, reading.page_count)
