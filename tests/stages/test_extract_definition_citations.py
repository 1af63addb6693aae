"""A publication written as a definition list item, read from its lines alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resume_etl.stages.extract._definition_citations import (
    is_definition_item,
    read_definition_citation,
)
from resume_etl.stages.segment import split_lines


def _read(text: str) -> tuple[str, str | None, int | None] | None:
    lines = split_lines(text, markdown=True)
    read = read_definition_citation(text, lines[1:])
    if read is None:
        return None
    venue = text[slice(*read.venue)] if read.venue else None
    return text[slice(*read.title)], venue, read.year


def test_the_term_is_the_title_and_the_definition_the_venue_and_year() -> None:
    text = "## Papers\n\n**A Study of Things**\n: <i>Journal of Stuff</i>, 2019\n"
    assert _read(text) == ("A Study of Things", "Journal of Stuff", 2019)


def test_an_author_line_is_no_venue() -> None:
    text = "## Papers\n\nCounting Sheep Well\n: Roe J, Li K.\n: Sleep Review 4, 2018\n"
    assert _read(text) == ("Counting Sheep Well", "Sleep Review", 2018)


def test_a_venue_set_in_italics_wins_over_authors_written_in_full() -> None:
    text = (
        "## Papers\n\n**Counting Sheep Well**\n: Sam Rivera, Lee Park, Ana Costa\n"
        ": *Sleep Review*, 2021\n"
    )
    assert _read(text) == ("Counting Sheep Well", "Sleep Review", 2021)


def test_the_year_after_an_emphasized_title_is_the_year_not_part_of_the_title() -> None:
    text = "## Papers\n\n**Counting in small space** (2019)\n: *Data Letters*\n"
    assert _read(text) == ("Counting in small space", "Data Letters", 2019)


def test_a_linked_title_gives_the_title_and_the_url() -> None:
    text = (
        "## Papers\n\n[Sketches for joins](https://example.org/p.pdf)\n"
        ": <em>Data Review</em>, 2021\n"
    )
    lines = split_lines(text, markdown=True)
    read = read_definition_citation(text, lines[1:])
    assert read is not None
    assert (text[slice(*read.title)], read.url) == (
        "Sketches for joins",
        "https://example.org/p.pdf",
    )


def test_a_label_over_a_list_is_no_paper() -> None:
    assert _read("## Papers\n\nThings I like\n: sheep and goats\n") is None
    assert _read("## Papers\n\n2021\n: <i>Journal of Stuff</i>\n") is None


def test_only_a_term_with_definitions_is_an_item() -> None:
    lines = split_lines("## Papers\n\nA Study of Things\nJournal of Stuff, 2019\n", markdown=True)
    assert not is_definition_item(lines[1:])


_WORD = st.sampled_from(["Sheep", "Counting", "Fences", "of", "the", "Night", "Widgets", "and"])
_MARKS = st.sampled_from([("**", "**"), ("*", "*"), ("", ""), ("_", "_")])
_TAGS = st.sampled_from([("<i>", "</i>"), ("<em>", "</em>"), ('<span class="v">', "</span>")])


@given(
    st.lists(_WORD, min_size=2, max_size=6),
    st.lists(_WORD, min_size=1, max_size=4),
    _MARKS,
    _TAGS,
    st.integers(1960, 2029),
)
def test_any_marked_title_and_tagged_venue_read_back(
    title_words: list[str],
    venue_words: list[str],
    marks: tuple[str, str],
    tags: tuple[str, str],
    year: int,
) -> None:
    title = " ".join(["Study", *title_words])
    venue = " ".join(["Journal", *venue_words])
    text = f"## Papers\n\n{marks[0]}{title}{marks[1]}\n: {tags[0]}{venue}{tags[1]}, {year}\n"
    assert _read(text) == (title, venue, year)
