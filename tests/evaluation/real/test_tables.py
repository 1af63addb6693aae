from __future__ import annotations

from resume_etl.evaluation.real.report import ALL_LAYOUTS, RealReport, Tally
from resume_etl.evaluation.real.split import Half
from resume_etl.evaluation.real.tables import markdown_tables, rich_tables
from resume_etl.evaluation.score import Counts


def _tally(true_positives: int, jobs_right: int) -> Tally:
    tally = Tally()
    tally.documents = 2
    tally.add_counts({"work.organization": Counts(true_positives, 1, 1)})
    tally.jobs, tally.jobs_right = 4, jobs_right
    return tally


def _report() -> RealReport:
    groups = []
    for half in (Half.DEV, Half.UNTOUCHED):
        groups.append(_tally(3, 2).freeze("jsonresume", "pdf", half))
        groups.append(_tally(3, 2).freeze("jsonresume", ALL_LAYOUTS, half))
    coverage = Tally()
    coverage.documents = 1
    coverage.count("with a name")
    groups.append(coverage.freeze("markdown", None, Half.UNTOUCHED))
    return RealReport(data_dir="x", seed=2, groups=groups)


def test_both_halves_appear_with_entry_accuracy_per_layout() -> None:
    text = markdown_tables(_report())
    assert "jsonresume per layout · dev" in text
    assert "jsonresume per layout · untouched" in text
    assert "| entry accuracy | 0.50 | 0.50 |" in text
    assert "| work.organization | 0.75 | 0.75 | 0.75 | 3 | 1 | 1 |" in text


def test_coverage_is_shown_against_the_document_count() -> None:
    assert "| with a name | 1 / 1 |" in markdown_tables(_report())


def test_a_rich_table_is_made_for_every_section() -> None:
    assert len(rich_tables(_report())) == 6


def test_group_keys_name_set_layout_and_half() -> None:
    assert [group.key for group in _report().groups][:2] == [
        "jsonresume/pdf/dev",
        "jsonresume/all/dev",
    ]


def test_the_headline_table_comes_first_with_a_column_per_half() -> None:
    text = markdown_tables(_report())
    assert text.startswith("**headline measures**")
    assert "| measure | dev | untouched |" in text
    assert "| jobs fully right, PDF-pasted layout | 0.50 | 0.50 |" in text
    assert "| work.role F1, dotin | – | – |" in text


def test_per_layout_adds_a_field_table_for_each_layout() -> None:
    text = markdown_tables(_report(), per_layout=True)
    assert "**jsonresume (pdf layout) · dev · 2 renderings**" in text
    assert len(rich_tables(_report(), per_layout=True)) == 8
