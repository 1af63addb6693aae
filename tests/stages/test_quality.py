"""Quality flags: a document whose sections yield nothing says so in ``documents``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from resume_etl.records import DocumentRecord
from resume_etl.stages.extract import ExtractedDocument, Normalized
from resume_etl.stages.validate import ValidatedDocument, validate
from resume_etl.vocab import QualityFlag

Extract = Callable[[str], ExtractedDocument]

TODAY = dt.date(2022, 12, 15)
RESUME = (
    "Jane Roe\njane.roe@example.org\n\nExperience\n"
    "Data Analyst | Northwind Bank | Jan 2020 - Present\n"
    "- Cut report time by 30%\n\nEducation\nState University\nB.Sc. Statistics\nGPA: 3.6 / 4.0\n"
)


def _flags(validated: ValidatedDocument) -> list[QualityFlag]:
    (document,) = validated.rows["documents"]
    assert isinstance(document, DocumentRecord)
    return document.quality_flags


def test_a_document_whose_sections_all_yield_entries_has_no_flag(extract_text: Extract) -> None:
    assert _flags(validate(extract_text(RESUME), TODAY)) == []


def test_a_document_without_headings_is_flagged_no_sections(extract_text: Extract) -> None:
    text = "Jane Roe\njane.roe@example.org\nI have worked with data for ten years."
    assert _flags(validate(extract_text(text), TODAY)) == [QualityFlag.NO_SECTIONS]


def test_an_experience_section_without_a_job_is_flagged(extract_text: Extract) -> None:
    text = "Jane Roe\n\nExperience\nReferences available on request.\n\nSkills\nPython, SQL\n"
    assert _flags(validate(extract_text(text), TODAY)) == [QualityFlag.SECTION_WITHOUT_ENTRIES]


def test_an_empty_heading_over_subsections_of_its_kind_is_not_flagged(
    extract_text: Extract,
) -> None:
    text = (
        "Jane Roe\n\nPUBLICATIONS\n\nBooks\nRoe, J. A History of Salt. City: Northwind Press,"
        ' 2021.\n\nConference Papers\n"Salt and Credit." Paper presented at the Annual'
        " Meeting of Historians, Boston, November 2022.\n"
    )
    validated = validate(extract_text(text), TODAY)
    assert [row.kind for row in validated.rows["sections"]][1:] == ["publications"] * 3
    assert len(validated.rows["publications"]) == 2
    assert _flags(validated) == []


def test_an_empty_markdown_heading_beside_one_of_its_level_is_flagged(
    extract_text: Extract,
) -> None:
    papers = "\n\n### Articles\nRoe, J. (2020). Salt and credit. Journal of Trade, 4, 1-9.\n"
    nested = extract_text("# Jane Roe\n\n## Publications" + papers)
    assert _flags(validate(nested, TODAY)) == []
    siblings = extract_text("# Jane Roe\n\n### Publications" + papers)
    assert _flags(validate(siblings, TODAY)) == [QualityFlag.SECTION_WITHOUT_ENTRIES]


def test_an_empty_heading_before_another_kind_of_section_is_flagged(
    extract_text: Extract,
) -> None:
    text = "Jane Roe\n\nExperience\n\nEducation\nState University\nB.Sc. Statistics, 2015\n"
    assert _flags(validate(extract_text(text), TODAY)) == [QualityFlag.SECTION_WITHOUT_ENTRIES]


def test_a_section_whose_only_entry_was_rejected_is_flagged(extract_text: Extract) -> None:
    extracted = extract_text(RESUME)
    school = extracted.education[0]
    assert school.gpa is not None
    broken = school.with_values(gpa=Normalized(5.2, school.gpa.found), gpa_scale=4.0)
    validated = validate(replace(extracted, education=(broken,)), TODAY)
    assert "education" not in validated.rows
    assert _flags(validated) == [QualityFlag.SECTION_WITHOUT_ENTRIES]


def test_restored_line_breaks_are_flagged_and_the_entries_read(extract_text: Extract) -> None:
    collapsed = RESUME.replace("\n\n", "    ").replace("\n", "  ")
    validated = validate(extract_text(collapsed), TODAY)
    assert _flags(validated) == [QualityFlag.COLLAPSED_LINE_BREAKS]
    assert len(validated.rows["experiences"]) == len(validated.rows["education"]) == 1


@pytest.mark.parametrize(
    ("cap", "flags"),
    [(1, [QualityFlag.METRICS_CAPPED]), (2, [])],
    ids=["a metric past the cap is flagged", "as many metrics as the cap is not flagged"],
)
def test_metrics_capped_is_flagged_only_when_the_cap_left_a_metric_out(
    extract_text: Extract, monkeypatch: pytest.MonkeyPatch, cap: int, flags: list[QualityFlag]
) -> None:
    monkeypatch.setattr("resume_etl.nlp.metrics.MAX_METRICS", cap)
    text = RESUME.replace("- Cut report time by 30%", "- Cut report time by 30% and cost by 12%")
    validated = validate(extract_text(text), TODAY)
    assert len(validated.rows["metrics"]) == cap
    assert _flags(validated) == flags


def test_numbers_left_unread_past_their_cap_flag_the_document(
    extract_text: Extract, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("resume_etl.nlp.metric_numbers.MAX_NUMBERS", 1)
    text = RESUME.replace("- Cut report time by 30%", "- Cut report time by 30% and cost by 12%")
    validated = validate(extract_text(text), TODAY)
    assert QualityFlag.METRICS_CAPPED in _flags(validated)
