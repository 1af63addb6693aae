"""DOCX: paragraphs, list items, headings and tables with python-docx, headers and footers left out.

Written as the segmenter reads text: a "Heading N" paragraph becomes ``N`` ``#``s ("Title" one),
a list paragraph ``- item``, space set before a paragraph a blank line, a hyperlink
``[text](url)``, and a table of short cells one ``| a | b |`` line per row. A table used to lay
out a page (a cell holding several paragraphs, as two-column templates do) is read cell after
cell instead, each cell as a block of its own. The zip is checked before it is unpacked (E043),
and a password-protected document, which Word saves as an OLE file rather than a zip, is named
as such (E041).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from resume_etl.config import IngestSettings
from resume_etl.errors import ErrorCode
from resume_etl.stages.readers.base import ReaderError, Reading, import_extra, library_version
from resume_etl.vocab import SourceFormat

if TYPE_CHECKING:
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_ZIP_MAGIC = b"PK"
_MAX_ZIP_MEMBERS = 5_000
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^list", re.IGNORECASE)
_MAX_HEADING_LEVEL = 6
_MAX_DATA_CELL_PARAGRAPHS = 1
"""A table whose every cell holds at most this many paragraphs is data, read row by row."""
_GAP_POINTS = 4.0
"""Space before a paragraph, beyond what its style gives every paragraph of the kind, from
which on it is set off from the paragraph above: a blank line, as an empty paragraph is."""


def read_docx(data: bytes, settings: IngestSettings) -> Reading:
    """A DOCX's body text in document order, or a ``ReaderError`` saying why there is none."""
    if data.startswith(_OLE_MAGIC):
        raise ReaderError(
            ErrorCode.E041_PROTECTED,
            "the DOCX is an OLE file: password-protected (encrypted), or an old .doc renamed",
        )
    check_zip(data, settings.max_unpacked_bytes)
    docx = import_extra("docx", "docx", "DOCX")
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_blocks(document))
    except Exception as error:  # zipfile, lxml and python-docx each raise their own types
        detail = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
        raise ReaderError(
            ErrorCode.E040_CORRUPT_FILE,
            f"the DOCX is damaged or not a Word document: {type(error).__name__} {detail}".strip(),
        ) from error
    return Reading(
        text="\n".join(lines),
        encoding="utf-8",
        source_format=SourceFormat.DOCX,
        reader=library_version("python-docx"),
    )


def check_zip(data: bytes, max_unpacked_bytes: int) -> None:
    """Refuse a zip that is no zip (E040) or that would unpack to too much (E043), before
    anything is unpacked: the sizes are read from the zip's directory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        if not data.startswith(_ZIP_MAGIC):
            raise ReaderError(
                ErrorCode.E040_CORRUPT_FILE,
                "not a DOCX: no zip archive, as every Word 2007+ file is (a file of another "
                "kind named .docx?)",
            ) from error
        raise ReaderError(
            ErrorCode.E040_CORRUPT_FILE, f"the DOCX is no readable zip file: {error}"
        ) from error
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_unpacked_bytes or len(members) > _MAX_ZIP_MEMBERS:
        raise ReaderError(
            ErrorCode.E043_ARCHIVE_BOMB,
            f"the DOCX would unpack {len(members):,} parts to {unpacked:,} bytes, more than "
            f"ingest.max_unpacked_bytes={max_unpacked_bytes:,} (a zip bomb?)",
        )


def _blocks(container: Any) -> Iterator[str]:
    """Lines of a document body or table cell, in order."""
    for item in container.iter_inner_content():
        if hasattr(item, "rows"):
            yield from _table(item)
        else:
            yield from _paragraph(item)


def _paragraph(paragraph: Paragraph) -> Iterator[str]:
    text = _paragraph_text(paragraph).strip()
    if not text:
        yield ""
        return
    style = paragraph.style.name if paragraph.style is not None else ""
    style = style or ""
    level = _heading_level(style)
    if level:
        yield ""
        yield f"{'#' * level} {' '.join(text.split())}"
        return
    if _set_off(paragraph):
        yield ""
    yield f"- {text}" if _is_list_item(paragraph, style) else text


def _set_off(paragraph: Paragraph) -> bool:
    """The paragraph was given more space before it than its style gives: the gap Word users
    and templates leave between two entries instead of an empty paragraph."""
    direct = paragraph.paragraph_format.space_before
    if direct is None:
        return False
    style = paragraph.style
    usual = style.paragraph_format.space_before if style is not None else None
    return float(direct.pt) - (float(usual.pt) if usual is not None else 0.0) >= _GAP_POINTS


def _heading_level(style: str) -> int:
    if style.lower() == "title":
        return 1
    found = _HEADING_STYLE.match(style)
    return min(int(found.group(1)), _MAX_HEADING_LEVEL) if found else 0


def _is_list_item(paragraph: Paragraph, style: str) -> bool:
    """A list paragraph by style ("List Bullet") or by direct numbering (``w:numPr``)."""
    properties = paragraph._p.pPr
    return bool(_LIST_STYLE.match(style)) or (
        properties is not None and properties.numPr is not None
    )


def _paragraph_text(paragraph: Paragraph) -> str:
    """Runs and hyperlinks in order; a link whose text hides its address keeps both."""
    parts: list[str] = []
    for item in paragraph.iter_inner_content():
        text = item.text
        address = getattr(item, "address", "")
        if address and address not in text and "://" in address:
            parts.append(f"[{text}]({address})")
        else:
            parts.append(text)
    return "".join(parts)


def _table(table: Table) -> Iterator[str]:
    cells = [_unique_cells(row.cells) for row in table.rows]
    if all(_is_data_cell(cell) for row in cells for cell in row):
        yield ""
        for row in cells:
            texts = [" ".join(_paragraph_text(p) for p in cell.paragraphs) for cell in row]
            texts = [" ".join(text.replace("|", "/").split()) for text in texts]
            if any(texts):
                yield "| " + " | ".join(texts) + " |"
        yield ""
        return
    for row in cells:
        for cell in row:
            yield ""
            yield from _blocks(cell)


def _unique_cells(cells: list[_Cell]) -> list[_Cell]:
    """A merged cell is listed once per grid column it spans; keep it once."""
    unique: list[_Cell] = []
    for cell in cells:
        if not unique or cell._tc is not unique[-1]._tc:
            unique.append(cell)
    return unique


def _is_data_cell(cell: _Cell) -> bool:
    filled = [p for p in cell.paragraphs if p.text.strip()]
    return len(filled) <= _MAX_DATA_CELL_PARAGRAPHS and not cell.tables
