"""The PDF reader: glyphs a font maps to no character (pdfminer's ``(cid:N)``)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from resume_etl.config import IngestSettings
from resume_etl.records import DocumentRecord
from resume_etl.stages.ingest import read_document


def _helvetica_bullets() -> bytes:
    """Bullets drawn in a standard font: WinAnsiEncoding has no code pdfminer reads as one."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(72, 700, "Experience")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 680, "Data Engineer, Pinecrest Freight, 2017 - 2021")
    canvas.drawString(84, 665, "\u2022 Designed a Kafka ingestion layer")
    canvas.drawString(84, 650, "\u2022 Reduced storage costs by 30%")
    canvas.save()
    return buffer.getvalue()


def test_a_bullet_the_font_maps_to_no_character_is_read_as_a_bullet(tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(_helvetica_bullets())
    document = read_document(path, IngestSettings())
    assert isinstance(document, DocumentRecord), document
    assert "(cid:" not in document.text
    lines = document.text.splitlines()
    assert "- Designed a Kafka ingestion layer" in lines
    assert "- Reduced storage costs by 30%" in lines
