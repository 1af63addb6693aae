"""What every format reader returns, the one error it raises, and how it finds its library.

A reader turns a file's bytes into plain text with its layout written the way the segmenter
reads it (markdown ``#`` headings, ``- `` list items, ``| a | b |`` table rows, blank lines
between blocks); ingest then normalizes that text as it does any other.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from dataclasses import dataclass
from types import ModuleType

from resume_etl.errors import ErrorCode
from resume_etl.vocab import SourceFormat


@dataclass(frozen=True, slots=True)
class Reading:
    """A file read by a format reader: the raw text and what was done to make it."""

    text: str
    encoding: str
    source_format: SourceFormat
    reader: str
    page_count: int | None = None
    repairs: tuple[str, ...] = ()


class ReaderError(Exception):
    """A file a reader cannot turn into text; carries the quarantine code and reason."""

    def __init__(self, code: ErrorCode, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def import_extra(module: str, extra: str, file_kind: str) -> ModuleType:
    """Import a reader's library, or say which optional extra installs it (E121).

    Imported on first use, so text-only runs never pay for the PDF or DOCX libraries.
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ReaderError(
            ErrorCode.E121_MISSING_EXTRA,
            f"reading {file_kind} files needs the optional extra: pip install "
            f"'resume-etl[{extra}]' (then rerun with --full to retry this file)",
        ) from error


def library_version(distribution: str) -> str:
    """``name version`` of the library that read a file, for ``documents.reader``."""
    try:
        return f"{distribution} {importlib.metadata.version(distribution)}"
    except importlib.metadata.PackageNotFoundError:
        return distribution


def too_large(what: str, count: int, setting: str, limit: int) -> ReaderError:
    """The E004 error of a size limit, naming the setting to raise."""
    return ReaderError(
        ErrorCode.E004_TOO_LARGE,
        f"{what} {count:,}, more than ingest.{setting}={limit:,}",
    )
