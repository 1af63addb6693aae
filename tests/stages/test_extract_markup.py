"""The plain view of a header line: markup is no text and no separator, offsets stay the
document's (every name here is invented)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.extract._header import cut_pieces
from resume_etl.stages.extract._markup import after_joint, markup_marks, plain_view


def _pieces(text: str) -> list[str]:
    return [text[start:end] for start, end in cut_pieces(text, 0, len(text))]


def test_bold_and_a_link_leave_no_gap_and_no_target() -> None:
    text = "**Staff Engineer** at [Quorvant Labs](https://quorvant.example/jobs) • _Lakeport, OR_"
    assert _pieces(text) == ["Staff Engineer", "Quorvant Labs", "Lakeport, OR"]


def test_a_joint_word_after_closed_markup_cuts_the_title_from_its_employer() -> None:
    text = "**Software Engineer** for [brellix](https://brellix.example/)"
    assert _pieces(text) == ["Software Engineer", "brellix"]
    assert after_joint(text, 0, text.index("[") + 1)


def test_a_joint_word_inside_plain_text_is_no_cut() -> None:
    assert _pieces("_Head of Sales for Europe_") == ["Head of Sales for Europe"]
    assert not after_joint("Head for ", 0, 9)


def test_underscores_inside_words_and_lone_stars_are_text() -> None:
    text = "first_last_name * rating"
    assert markup_marks(text, 0, len(text)) == []
    assert plain_view(text, 0, len(text)) is None


def test_html_tags_are_markup() -> None:
    assert _pieces("<b>Data Analyst</b>, Tallowby") == ["Data Analyst", "Tallowby"]


@given(st.text(alphabet="ab *_[]()<>/:", max_size=40))
def test_the_view_points_at_the_documents_characters(text: str) -> None:
    view = plain_view(text, 0, len(text))
    if view is not None:
        assert "".join(text[offset] for offset in view.offsets) == view.text
        assert list(view.offsets) == sorted(set(view.offsets))
    for start, end in cut_pieces(text, 0, len(text)):
        assert 0 <= start < end <= len(text)


def test_a_comma_after_a_bold_link_parts_the_name_from_the_title() -> None:
    text = "**[Tallowby](https://tallowby.example)**, Data Analyst"
    assert _pieces(text) == ["Tallowby", "Data Analyst"]
    assert not after_joint("[Tallowby](https://tallowby.example) at ", 0, 40)


def test_markup_between_fields_cuts_them_and_stays_out_of_both() -> None:
    assert _pieces("**Field Technician** (Brellow Marine)") == [
        "Field Technician",
        "Brellow Marine",
    ]
    assert _pieces("**Master of Arts, History** Tallowby College") == [
        "Master of Arts, History",
        "Tallowby College",
    ]


def test_a_dash_inside_one_stretch_of_emphasis_is_part_of_the_field() -> None:
    assert _pieces("*Platform Engineer - Payments Team* Mar 2019") == [
        "Platform Engineer - Payments Team",
        "Mar 2019",
    ]


@given(st.text(alphabet="ab *_[]()<>/:-", max_size=40))
def test_no_piece_holds_markup(text: str) -> None:
    marks = markup_marks(text, 0, len(text))
    for start, end in cut_pieces(text, 0, len(text)):
        assert not any(start < mark_end and mark_start < end for mark_start, mark_end in marks)
