"""PDF, DOCX and HTML files read into the text the segmenter reads, and recorded as such."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Pt
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import app
from resume_etl.config import IngestSettings
from resume_etl.records import DocumentRecord
from resume_etl.stages.ingest import discover, read_document
from resume_etl.vocab import SourceFormat
from tests.conftest import DEFAULT_PIPELINE

SETTINGS = IngestSettings()
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "formats"


def read(path: Path) -> DocumentRecord:
    outcome = read_document(path, SETTINGS)
    assert isinstance(outcome, DocumentRecord), outcome
    return outcome


def docx_file(tmp_path: Path, build: object) -> Path:
    document = Document()
    build(document)  # type: ignore[operator]
    path = tmp_path / "cv.docx"
    document.save(str(path))
    return path


def test_docx_headings_lists_and_tables_are_kept_and_header_footer_dropped(
    tmp_path: Path,
) -> None:
    def build(document: object) -> None:
        document.sections[0].header.paragraphs[0].text = "Running header"  # type: ignore[attr-defined]
        document.sections[0].footer.paragraphs[0].text = "Page 1"  # type: ignore[attr-defined]
        document.add_paragraph("Jane Doe", style="Title")  # type: ignore[attr-defined]
        document.add_paragraph("Experience", style="Heading 1")  # type: ignore[attr-defined]
        document.add_paragraph("Engineer, Acme, 2019 - 2023")  # type: ignore[attr-defined]
        document.add_paragraph("Cut costs by 20%", style="List Bullet")  # type: ignore[attr-defined]
        table = document.add_table(rows=2, cols=3)  # type: ignore[attr-defined]
        for cell, text in zip(table.rows[0].cells, ["Period", "Role", "Company"], strict=True):
            cell.text = text
        for cell, text in zip(table.rows[1].cells, ["2018", "Analyst", "Beta"], strict=True):
            cell.text = text

    document = read(docx_file(tmp_path, build))
    lines = [line for line in document.text.splitlines() if line]
    assert lines == [
        "# Jane Doe",
        "# Experience",
        "Engineer, Acme, 2019 - 2023",
        "- Cut costs by 20%",
        "| Period | Role | Company |",
        "| 2018 | Analyst | Beta |",
    ]
    assert document.source_format is SourceFormat.DOCX
    assert document.reader.startswith("python-docx ")
    assert document.page_count is None


def test_space_set_before_a_docx_paragraph_is_a_blank_line(tmp_path: Path) -> None:
    """Entries told apart by paragraph spacing, not empty paragraphs, stay apart."""

    def build(document: object) -> None:
        for text in (
            "Qualification: B.Com",
            "Year: 2015",
            "Qualification: Class XII",
            "Year: 2012",
        ):
            paragraph = document.add_paragraph(text)  # type: ignore[attr-defined]
            if text.startswith("Qualification: Class"):
                paragraph.paragraph_format.space_before = Pt(8)
            elif text.startswith("Year"):
                paragraph.paragraph_format.space_before = Pt(2)  # tight, not a gap

    assert read(docx_file(tmp_path, build)).text.splitlines() == [
        "Qualification: B.Com",
        "Year: 2015",
        "",
        "Qualification: Class XII",
        "Year: 2012",
    ]


def test_a_docx_layout_table_is_read_cell_after_cell(tmp_path: Path) -> None:
    def build(document: object) -> None:
        table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
        left, right = table.rows[0].cells
        left.text = "Skills"
        left.add_paragraph("Python")
        right.text = "Experience"
        right.add_paragraph("Engineer, Acme")

    lines = [line for line in read(docx_file(tmp_path, build)).text.splitlines() if line]
    assert lines == ["Skills", "Python", "Experience", "Engineer, Acme"]


def test_a_docx_hyperlink_keeps_its_address(tmp_path: Path) -> None:
    def build(document: object) -> None:
        paragraph = document.add_paragraph("Profile: ")  # type: ignore[attr-defined]
        part = document.part  # type: ignore[attr-defined]
        relation = part.relate_to(
            "https://github.com/jane", RELATIONSHIP_TYPE.HYPERLINK, is_external=True
        )
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "GitHub"
        run.append(text)
        link.append(run)
        paragraph._p.append(link)

    text = read(docx_file(tmp_path, build)).text
    assert text == "Profile: [GitHub](https://github.com/jane)"


def test_html_keeps_headings_and_list_items_and_drops_scripts_styles_and_nav(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cv.html"
    path.write_text(
        "<html><head><title>t</title><style>p{}</style><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Home</a></nav><h1>Jane  Doe</h1><h2>Experience</h2>"
        "<p>Engineer at <b>Acme</b><br>2019 - 2023</p><ul><li>Cut costs</li><li>Led "
        "<a href='https://example.org/x'>a team</a></li></ul>"
        "<div hidden>secret</div></body></html>",
        encoding="utf-8",
    )
    document = read(path)
    assert [line for line in document.text.splitlines() if line] == [
        "# Jane Doe",
        "## Experience",
        "Engineer at Acme",
        "2019 - 2023",
        "- Cut costs",
        "- Led [a team](https://example.org/x)",
    ]
    assert document.source_format is SourceFormat.HTML
    assert document.encoding == "utf-8"


def test_html_in_a_legacy_encoding_is_decoded_by_ingest(tmp_path: Path) -> None:
    path = tmp_path / "cv.htm"
    path.write_bytes("<p>Café Müller, Zürich – Köln</p>".encode("cp1252"))
    assert read(path).text == "Café Müller, Zürich - Köln"


def test_a_pdf_records_its_format_pages_reader_and_layout_repairs() -> None:
    document = read(FIXTURES / "pdf-2col" / "102_nurse_uk_pdf.pdf")
    assert document.source_format is SourceFormat.PDF
    assert document.page_count == 2
    assert document.reader.startswith("pdfplumber ")
    assert "layout:columns:1" in document.repairs
    assert any(repair.startswith("layout:page_furniture:") for repair in document.repairs)
    assert "Page 1 of 2" not in document.text


def test_folders_yield_pdf_docx_and_html_files(tmp_path: Path) -> None:
    for name in ("a.pdf", "b.DOCX", "c.html", "d.htm", "e.txt", "f.odt"):
        (tmp_path / name).write_bytes(b"x")
    found = [path.name for path in discover([tmp_path], SETTINGS)]
    assert found == ["a.pdf", "b.DOCX", "c.html", "d.htm", "e.txt"]


def test_a_pdf_named_on_the_command_line_is_parsed(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resume_etl.engines.local.build_nlp", lambda _settings: nlp)
    pdf = tmp_path / "nurse.pdf"
    shutil.copy(FIXTURES / "pdf-1col" / "102_nurse_uk_pdf.pdf", pdf)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(pdf), "--out", str(out), "-p", str(DEFAULT_PIPELINE), "-q"]
    )
    assert result.exit_code == 0, result.output
    documents = pd.read_parquet(out / "documents.parquet")
    assert documents["source_format"].tolist() == ["pdf"]
    assert len(pd.read_parquet(out / "experiences.parquet")) >= 2
    assert pd.read_parquet(out / "quarantine.parquet").empty


def test_an_html_paragraph_opening_in_lower_case_runs_on_from_the_block_before(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cv.html"
    path.write_text(
        "<body><ul><li>Built a reporter now used by 9 labs</li></ul><p>in 4 countries</p>"
        "<p>Finished a sentence.</p><p>and a new paragraph</p><h2>Skills</h2><p>python</p>"
        "</body>",
        encoding="utf-8",
    )
    assert read(path).text.splitlines() == [
        "- Built a reporter now used by 9 labs",
        "in 4 countries",
        "",
        "Finished a sentence.",
        "",
        "and a new paragraph",
        "",
        "## Skills",
        "python",
    ]
