"""A header that closes with its period in brackets, in a form the range pattern leaves out
("(since 2021)"), is dated: the next dated header after a blank line opens the next entry, and
a header closing so after a blank line opens its own. Every name here is invented."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.segment import SegmentedDocument
from resume_etl.stages.segment.periods import has_closing_period
from resume_etl.vocab import SectionKind

Segment = Callable[[str], SegmentedDocument]


def _headers(segmented: SegmentedDocument) -> list[list[str]]:
    section = next(s for s in segmented.sections if s.kind is SectionKind.EXPERIENCE)
    return [[line.content for line in entry.header] for entry in section.entries]


def test_a_job_held_since_a_year_is_not_the_header_of_the_next(segment_text: Segment) -> None:
    segmented = segment_text(
        "Work experience\n\n"
        "Principal Engineer, Quillmark Systems (since 2021)\n"
        "Brask, Norland\n\n"
        "Senior Engineer, Marlow Research Institute (2017 – 2021)\n"
        "Brask\n\n"
        "Engineer, Kettle Systems (2014 – 2017)\n"
    )
    assert [header[0] for header in _headers(segmented)] == [
        "Principal Engineer, Quillmark Systems (since 2021)",
        "Senior Engineer, Marlow Research Institute (2017 - 2021)",
        "Engineer, Kettle Systems (2014 - 2017)",
    ]


def test_a_job_held_since_a_year_after_a_dated_one_opens_its_own_entry(
    segment_text: Segment,
) -> None:
    segmented = segment_text(
        "Work experience\n\n"
        "Engineer, Kettle Systems (2014 – 2017)\n"
        "Brask\n\n"
        "Principal Engineer, Quillmark Systems (since 2021)\n\n"
        "Sales Assistant, Harwick Books (2012 – 2014)\n"
    )
    assert [header[0] for header in _headers(segmented)] == [
        "Engineer, Kettle Systems (2014 - 2017)",
        "Principal Engineer, Quillmark Systems (since 2021)",
        "Sales Assistant, Harwick Books (2012 - 2014)",
    ]


@given(
    name=st.text(alphabet=st.sampled_from("abcdefgh ,-"), max_size=30),
    year=st.integers(min_value=1950, max_value=2039),
)
def test_a_bracketed_since_year_closes_any_line_with_a_period(name: str, year: int) -> None:
    assert has_closing_period(f"Analyst{name} (since {year})")


def test_brackets_without_a_period_close_no_line_with_one() -> None:
    assert not has_closing_period("Analyst, Quillmark Systems (Remote)")
    assert not has_closing_period("Analyst, Quillmark Systems (3 people)")
    assert not has_closing_period("Analyst, Quillmark Systems")
