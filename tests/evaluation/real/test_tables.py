from __future__ import annotations

from resume_etl.evaluation.counts import Counts
from resume_etl.evaluation.real.report import ALL_LAYOUTS, RealReport, Tally, document_result
from resume_etl.evaluation.real.split import Half
from resume_etl.evaluation.real.tables import markdown_tables, rich_tables, worst_rows


def _tally(true_positives: int, jobs_right: int) -> Tally:
    tally = Tally()
    for name in ("a.txt", "b.txt"):
        counts = {"work.organization": Counts(true_positives, 1, 1)} if name == "a.txt" else {}
        result = document_result(name, counts, jobs=2, jobs_right=jobs_right // 2)
        tally.add_document(result, counts)
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


def test_the_worst_list_holds_dev_documents_only_lowest_f1_first() -> None:
    rows = worst_rows(_report(), 10)
    assert [row[:3] for row in rows] == [["a.txt", "0.75", "2"], ["b.txt", "1.00", "0"]]
    assert rows[0][3] == "1 / 2"
    assert rows[0][4] == "work.organization"
