"""PDF: words with their positions and fonts from pdfplumber, read in layout order.

pdfplumber (on pdfminer.six) gives every character's box, font name and size, which is what
columns, headings and page furniture are found from (``layout.py``). Bad PDFs are told apart:
password-protected (E041), no text layer at all (a scan: E042, OCR needed), damaged or cut
short (E040), too many pages or a page with too much text (E004).
"""

from __future__ import annotations

import io
import re
from typing import Any

from resume_etl.config import IngestSettings
from resume_etl.errors import ErrorCode
from resume_etl.stages.readers.base import (
    ReaderError,
    Reading,
    import_extra,
    library_version,
    too_large,
)
from resume_etl.stages.readers.layout import pages_to_text
from resume_etl.stages.readers.lines import PageWords, Word
from resume_etl.vocab import SourceFormat

PDF_HEADER = b"%PDF-"
HEADER_WINDOW = 1024
"""A PDF starts with ``%PDF-`` within its first 1,024 bytes (readers allow junk before it), so a
file without one is something else named ``.pdf``, which pdfminer would only call damaged."""
_UNMAPPED_GLYPHS = re.compile(r"^(?:\(cid:\d+\))+")
"""pdfminer's text for glyphs their font maps to no character, at the start of a word: symbols,
in a résumé a bullet (WinAnsiEncoding maps every unused code to a bullet, which pdfminer does not
know, so a bullet drawn in Helvetica reads ``(cid:127)``), read as one ``•``. After a letter such
a glyph is a lost letter of the word and stays as it is."""
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


def read_pdf(data: bytes, settings: IngestSettings) -> Reading:
    """A PDF's text in reading order, or a ``ReaderError`` saying why there is none."""
    if PDF_HEADER not in data[:HEADER_WINDOW]:
        raise ReaderError(
            ErrorCode.E040_CORRUPT_FILE,
            f"not a PDF: no {PDF_HEADER.decode()} header in its first {HEADER_WINDOW:,} bytes "
            "(a file of another kind named .pdf?)",
        )
    pdfplumber = import_extra("pdfplumber", "pdf", "PDF")
    try:
        pages = _read_pages(pdfplumber, data, settings)
    except ReaderError:
        raise
    except Exception as error:  # pdfminer raises many types on bad input; all mean one thing
        raise _classify(error) from error
    if not any(page.words for page in pages):
        raise ReaderError(
            ErrorCode.E042_NEEDS_OCR,
            f"the PDF's {len(pages)} page(s) hold no text layer (a scan?): OCR is needed",
        )
    text, report = pages_to_text(pages)
    return Reading(
        text=text,
        encoding="pdf",
        source_format=SourceFormat.PDF,
        reader=library_version("pdfplumber"),
        page_count=len(pages),
        repairs=report.repairs(),
    )


def _read_pages(pdfplumber: Any, data: bytes, settings: IngestSettings) -> list[PageWords]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page_count = len(pdf.pages)
        if page_count > settings.max_pages:
            raise too_large("the PDF has pages:", page_count, "max_pages", settings.max_pages)
        return [_page_words(page, number, settings) for number, page in enumerate(pdf.pages, 1)]


def _page_words(page: Any, number: int, settings: IngestSettings) -> PageWords:
    char_count = len(page.chars)
    if char_count > settings.max_page_chars:
        raise too_large(
            f"page {number} has characters:", char_count, "max_page_chars", settings.max_page_chars
        )
    found = page.extract_words(
        x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False, extra_attrs=["size", "fontname"]
    )
    words = tuple(
        Word(
            text=_UNMAPPED_GLYPHS.sub("•", str(word["text"])),
            x0=float(word["x0"]),
            x1=float(word["x1"]),
            top=float(word["top"]),
            bottom=float(word["bottom"]),
            size=float(word["size"]),
            bold=bool(_BOLD_FONT.search(str(word["fontname"]))),
        )
        for word in found
        if word.get("upright", True) and str(word["text"]).strip()
    )
    return PageWords(width=float(page.width), height=float(page.height), words=words)


def _classify(error: Exception) -> ReaderError:
    """Protected or damaged: pdfminer says which by the type of what it raised."""
    causes = [error, *error.args]
    names = " ".join(type(cause).__name__ for cause in causes)
    if "Password" in names or "Encrypt" in names:
        return ReaderError(ErrorCode.E041_PROTECTED, "the PDF is password-protected (encrypted)")
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ReaderError(
        ErrorCode.E040_CORRUPT_FILE, f"the PDF is damaged or cut short: {detail[:200]}"
    )
