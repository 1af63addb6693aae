"""Restoring the line breaks of text whose breaks were collapsed into runs of spaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from resume_etl.config import IngestSettings
from resume_etl.evaluation.real.data import find_data_dir
from resume_etl.stages.ingest import decode
from resume_etl.stages.normalize import normalize
from resume_etl.stages.reflow import MIN_LINE_CHARS, restore_line_breaks

REPO = Path(__file__).resolve().parents[2]
_DATA = find_data_dir()  # the real-data folder, found as eval-real finds it (None: raw/ only)
SHARED_MARKDOWN = sorted(_DATA.glob("markdown/*.md")) if _DATA is not None else []
MULTI_LINE_DOCUMENTS = sorted(
    path for path in [*(REPO / "raw").iterdir(), *SHARED_MARKDOWN] if path.suffix in {".txt", ".md"}
)

COLLAPSED = (
    "Jane Doe  Springfield, IL  Phone: 555-0100  jane@example.org    EXPERIENCE  "
    "Acme Corp, Springfield  Senior Analyst  March 2019  Present  Built the reporting stack.  "
    "Cut close time by 30%.    EDUCATION  State University  B.S. Economics, 2015"
)


def _decoded(path: Path) -> str:
    return decode(path.read_bytes(), IngestSettings().preferred_legacy_encodings).text


def _collapsed(text: str) -> str:
    return text.replace("\n", "  ")


@pytest.mark.parametrize("path", MULTI_LINE_DOCUMENTS, ids=lambda path: path.name)
def test_a_document_with_line_breaks_is_left_as_it_is(path: Path) -> None:
    text = _decoded(path)
    assert restore_line_breaks(text) == text


def test_collapsed_text_gets_its_lines_back() -> None:
    restored = restore_line_breaks(COLLAPSED)
    lines = [line.strip() for line in restored.split("\n")]
    assert lines[:4] == ["Jane Doe", "Springfield, IL", "Phone: 555-0100", "jane@example.org"]
    assert lines[4:8] == ["", "EXPERIENCE", "Acme Corp, Springfield", "Senior Analyst"]
    assert "EDUCATION" in lines


def test_every_character_keeps_its_offset() -> None:
    restored = restore_line_breaks(COLLAPSED)
    assert len(restored) == len(COLLAPSED)
    moved = [
        index
        for index, (before, after) in enumerate(zip(COLLAPSED, restored, strict=True))
        if before not in (after, " ")
    ]
    assert moved == []


def test_a_date_range_that_lost_its_dash_gets_it_back_on_one_line() -> None:
    restored = restore_line_breaks(COLLAPSED)
    assert "March 2019- Present  Built" not in restored
    assert "March 2019- Present\n Built" in restored


def test_a_field_label_after_a_date_is_no_range_end() -> None:
    text = (
        "Name: A. Person  Date of Birth: 14-08-1994  Current Location: Pune  Phone: 555-0100  "
        "Email: a@example.org  Languages: English, Hindi"
    )
    restored = restore_line_breaks(text)
    assert "14-08-1994\n Current Location: Pune" in restored


def test_the_padding_around_a_separator_is_kept() -> None:
    text = COLLAPSED.replace("Phone: 555-0100  jane@", "Phone: 555-0100  |  jane@")
    assert "Phone: 555-0100  |  jane@example.org" in restore_line_breaks(text)


def test_a_bullet_mark_opens_a_line_and_keeps_its_padding() -> None:
    text = COLLAPSED.replace("Built the reporting", "•  Built the reporting")
    assert "\n •  Built the reporting stack.\n" in restore_line_breaks(text)
    assert "\n- Built the reporting stack.\n" in normalize(text)[0]


def test_a_bullet_keeps_its_item_after_a_tab_wide_gap() -> None:
    text = COLLAPSED.replace("Built the reporting", "•      Built the reporting")
    assert "\n •      Built the reporting stack.\n" in restore_line_breaks(text)


def test_sentence_spacing_in_prose_is_not_taken_for_collapsed_lines() -> None:
    prose = "  ".join(f"Sentence number {index} ends here." for index in range(12))
    assert restore_line_breaks(prose) == prose


def test_a_short_row_of_columns_is_left_alone() -> None:
    row = "Python  Expert  Java  Advanced  SQL  Fluent"
    assert restore_line_breaks(row) == row


def test_ingest_records_the_repair_and_stays_idempotent() -> None:
    text, repairs = normalize(COLLAPSED)
    assert "line_breaks" in repairs
    assert normalize(text) == (text, [])


_WORD = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=2, max_size=9)
_LINE = st.lists(_WORD, min_size=2, max_size=8).map(" ".join).map(str.capitalize)


@given(st.lists(_LINE, min_size=6, max_size=30))
def test_collapsing_and_restoring_gives_the_same_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    collapsed = _collapsed(text)
    assume(len(collapsed) >= MIN_LINE_CHARS)
    restored = restore_line_breaks(collapsed)
    assert [line.strip() for line in restored.split("\n")] == lines


@pytest.mark.parametrize(
    "path", [p for p in MULTI_LINE_DOCUMENTS if p.parent.name == "raw"], ids=lambda p: p.name
)
def test_a_collapsed_document_gets_as_many_lines_back_as_it_had(path: Path) -> None:
    """Every line break of a document comes back (more where a line held a column gap)."""
    text, _ = normalize(_decoded(path))
    restored, repairs = normalize(_collapsed(text))
    assert "line_breaks" in repairs
    original_lines = [line.strip() for line in text.split("\n") if line.strip()]
    restored_lines = [line.strip() for line in restored.split("\n") if line.strip()]
    assert len(restored_lines) >= len(original_lines)
