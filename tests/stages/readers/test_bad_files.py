"""Bad PDF and DOCX files each end in quarantine with their own code and a reason."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from resume_etl.config import IngestSettings
from resume_etl.errors import ErrorCode
from resume_etl.records import QuarantineRecord
from resume_etl.stages.ingest import read_document

SETTINGS = IngestSettings()


def pdf_bytes(pages: list[str], encrypt: str | None = None, draw_text: bool = True) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, encrypt=encrypt)
    for text in pages:
        if draw_text:
            canvas.setFont("Helvetica", 10)
            canvas.drawString(72, 700, text)
        else:
            canvas.rect(72, 600, 300, 100, fill=1)  # a scanned page: an image, no text
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def quarantined(tmp_path: Path, name: str, data: bytes, **limits: int) -> QuarantineRecord:
    path = tmp_path / name
    path.write_bytes(data)
    outcome = read_document(path, IngestSettings(**limits) if limits else SETTINGS)
    assert isinstance(outcome, QuarantineRecord), outcome
    return outcome


def test_an_encrypted_pdf_is_quarantined_as_protected(tmp_path: Path) -> None:
    outcome = quarantined(tmp_path, "cv.pdf", pdf_bytes(["Jane Doe"], encrypt="secret"))
    assert outcome.error_code is ErrorCode.E041_PROTECTED
    assert "password" in outcome.reason


def test_a_pdf_with_no_text_layer_says_ocr_is_needed(tmp_path: Path) -> None:
    outcome = quarantined(tmp_path, "scan.pdf", pdf_bytes(["", ""], draw_text=False))
    assert outcome.error_code is ErrorCode.E042_NEEDS_OCR
    assert "OCR" in outcome.reason


def test_a_truncated_pdf_is_quarantined_as_corrupt(tmp_path: Path) -> None:
    data = pdf_bytes(["Jane Doe, engineer"])
    outcome = quarantined(tmp_path, "cut.pdf", data[: len(data) // 2])
    assert outcome.error_code is ErrorCode.E040_CORRUPT_FILE


def test_a_pdf_over_the_page_limit_is_quarantined_too_large(tmp_path: Path) -> None:
    outcome = quarantined(tmp_path, "long.pdf", pdf_bytes(["a page"] * 4), max_pages=3)
    assert outcome.error_code is ErrorCode.E004_TOO_LARGE
    assert "max_pages" in outcome.reason


def test_a_huge_page_is_quarantined_too_large(tmp_path: Path) -> None:
    outcome = quarantined(tmp_path, "dense.pdf", pdf_bytes(["x" * 400]), max_page_chars=300)
    assert outcome.error_code is ErrorCode.E004_TOO_LARGE
    assert "max_page_chars" in outcome.reason


def test_a_zip_bomb_named_docx_is_quarantined_before_unpacking(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 3_000_000)
    assert len(buffer.getvalue()) < 20_000  # small on disk, large unpacked
    outcome = quarantined(tmp_path, "cv.docx", buffer.getvalue(), max_unpacked_bytes=1_000_000)
    assert outcome.error_code is ErrorCode.E043_ARCHIVE_BOMB


def test_a_docx_that_is_no_zip_is_quarantined_as_corrupt(tmp_path: Path) -> None:
    outcome = quarantined(tmp_path, "cv.docx", b"PK\x03\x04 cut short")
    assert outcome.error_code is ErrorCode.E040_CORRUPT_FILE


def test_a_zip_without_a_word_document_is_quarantined_as_corrupt(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    outcome = quarantined(tmp_path, "cv.docx", buffer.getvalue())
    assert outcome.error_code is ErrorCode.E040_CORRUPT_FILE


def test_a_password_protected_docx_is_quarantined_as_protected(tmp_path: Path) -> None:
    # Word saves an encrypted document as an OLE compound file, not a zip.
    outcome = quarantined(tmp_path, "cv.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert outcome.error_code is ErrorCode.E041_PROTECTED


def test_an_empty_docx_is_quarantined_as_empty(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Document().save(buffer)
    assert quarantined(tmp_path, "cv.docx", buffer.getvalue()).error_code is ErrorCode.E001_EMPTY


def test_a_missing_extra_is_named_in_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # as if not installed
    outcome = quarantined(tmp_path, "cv.pdf", pdf_bytes(["Jane Doe"]))
    assert outcome.error_code is ErrorCode.E121_MISSING_EXTRA
    assert "resume-etl[pdf]" in outcome.reason


@pytest.mark.parametrize("name", ["cv.pdf", "cv.docx", "cv.html"])
def test_an_empty_file_in_a_parsed_format_is_quarantined_as_empty_not_damaged(
    tmp_path: Path, name: str
) -> None:
    outcome = quarantined(tmp_path, name, b"")
    assert outcome.error_code is ErrorCode.E001_EMPTY
    assert "empty (0 bytes)" in outcome.reason


def test_a_text_file_named_pdf_is_said_to_be_no_pdf(tmp_path: Path) -> None:
    outcome = quarantined(tmp_path, "cv.pdf", b"Jane Doe\nEngineer at Northwind\n")
    assert outcome.error_code is ErrorCode.E040_CORRUPT_FILE
    assert outcome.reason.startswith("not a PDF: no %PDF- header")


def test_a_pdf_after_a_little_junk_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(b"\n" * 100 + pdf_bytes(["Jane Doe, engineer"]))
    assert not isinstance(read_document(path, SETTINGS), QuarantineRecord)


def test_a_text_file_named_docx_is_said_to_be_no_docx(tmp_path: Path) -> None:
    outcome = quarantined(tmp_path, "cv.docx", b"Jane Doe\nEngineer at Northwind\n")
    assert outcome.error_code is ErrorCode.E040_CORRUPT_FILE
    assert outcome.reason.startswith("not a DOCX: no zip archive")
