"""Every line break Unicode knows ends a line: a document keeps its entries whichever it uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from resume_etl.config import IngestSettings
from resume_etl.records import DocumentRecord
from resume_etl.stages.extract import ExtractedDocument, LexiconCategories, analyse, extract
from resume_etl.stages.ingest import read_document
from resume_etl.stages.normalize import normalize
from resume_etl.stages.segment import SectionClassifier, segment
from tests.conftest import RAW

BREAKS = {
    "line-separator-U+2028": "\u2028",
    "paragraph-separator-U+2029": "\u2029",
    "next-line-U+0085": "\x85",
    "form-feed": "\x0c",
    "vertical-tab": "\x0b",
    "carriage-return": "\r",
    "crlf": "\r\n",
}


def _extracted(
    path: Path, nlp: Language, classifier: SectionClassifier, categories: LexiconCategories
) -> tuple[DocumentRecord, ExtractedDocument]:
    document = read_document(path, IngestSettings())
    assert isinstance(document, DocumentRecord), document
    segmented = segment(document, classifier)
    return document, extract(segmented, analyse(nlp, [segmented])[0], categories)


@pytest.mark.parametrize("line_break", BREAKS.values(), ids=list(BREAKS))
def test_a_resume_with_other_line_breaks_yields_the_same_experiences(
    tmp_path: Path,
    line_break: str,
    nlp: Language,
    classifier: SectionClassifier,
    categories: LexiconCategories,
) -> None:
    resume = (RAW / "109_lawyer_uk.txt").read_text(encoding="utf-8")
    plain, other = tmp_path / "plain.txt", tmp_path / "other.txt"
    plain.write_text(resume, encoding="utf-8", newline="")
    other.write_text(resume.replace("\n", line_break), encoding="utf-8", newline="")
    expected_document, expected = _extracted(plain, nlp, classifier, categories)
    document, extracted = _extracted(other, nlp, classifier, categories)
    assert expected.experiences
    assert document.text == expected_document.text
    assert document.doc_id == expected_document.doc_id
    assert extracted.experiences == expected.experiences


def test_nel_beside_newlines_is_mojibake_of_an_ellipsis() -> None:
    """A cp1252 '…' read as Latin-1 is U+0085 too; among real newlines that is what it is."""
    text, _ = normalize("Led the migration\x85 and more\nNext line")
    assert text == "Led the migration… and more\nNext line"
