"""Citations: splitting a publication list and reading each citation, by example and by property."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.stages.extract.citations import join_citation, parse_citation, split_citations
from resume_etl.stages.segment import split_lines


def _read(citation: str) -> tuple[str, str | None, int | None]:
    parsed = parse_citation(citation)
    assert parsed is not None, citation
    venue = citation[slice(*parsed.venue)] if parsed.venue else None
    return citation[slice(*parsed.title)], venue, parsed.year


def _groups(text: str, skip: int = 0) -> list[str]:
    """The joined citations of ``text``, past its first ``skip`` lines (a section heading)."""
    lines = split_lines(text)[skip:]
    return [join_citation(text, group).text for group in split_citations(text, lines)]


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        (  # Vancouver: surname + initials, plain title, abbreviated journal, "Year;vol:pages"
            "Hale DJ, Marsh SE. Ion mobility of isomeric metabolites. Analyst. "
            "2016;141(4):1278-86.",
            ("Ion mobility of isomeric metabolites", "Analyst", 2016),
        ),
        (  # APA: the title follows "(Year)."; the venue ends at its volume
            "Brennan, L. A., & Reyes, M. T. (2020). Children learn from puppets. "
            "Journal of Child Psychology, 198, 104881.",
            ("Children learn from puppets", "Journal of Child Psychology", 2020),
        ),
        (  # a question title keeps its subtitle when a venue follows both
            "Brennan, L. A. (2020). When do children trust a puppet? Selective learning in "
            "preschool. Journal of Child Psychology, 198, 104881.",
            (
                "When do children trust a puppet? Selective learning in preschool",
                "Journal of Child Psychology",
                2020,
            ),
        ),
        (  # initials first, "In: Proceedings of ..." and a DOI
            "I. Aranburu and J. Keane. Cross-lingual adapters for speech. In: Proceedings of "
            "the 12th Workshop on Speech (WS), 2022, pp. 88-95. doi:10.1109/x.2023.1",
            (
                "Cross-lingual adapters for speech",
                "Proceedings of the 12th Workshop on Speech",
                2022,
            ),
        ),
        (  # quoted title, venue and year after it
            'Demir S*, Kraus T, et al. "A split reporter for flux in cells." '
            "Nature Communications 14, 5521 (2023).",
            ("A split reporter for flux in cells", "Nature Communications", 2023),
        ),
        (  # a talk: a year set off at the start, the venue up to the place
            '2021   "Parkin and the outer membrane", Mitochondria Club (online)',
            ("Parkin and the outer membrane", "Mitochondria Club", 2021),
        ),
        (  # APA presentation: (Year, Month), a bracketed kind before the venue
            "Reyes, M. T. (2021, July). Remote eye tracking with infants [Poster presentation]. "
            "International Congress of Infant Studies, Virtual.",
            ("Remote eye tracking with infants", "International Congress of Infant Studies", 2021),
        ),
        (  # a preprint server written in lower case is still a venue
            "Keane J. Speech representations for agglutinative languages. arXiv:2109.04417, 2021.",
            ("Speech representations for agglutinative languages", "arXiv", 2021),
        ),
        (  # "(with a co-author)" is no venue
            '"Electronic Invoices and VAT Compliance" (with R. Moreira), 2024.',
            ("Electronic Invoices and VAT Compliance", None, 2024),
        ),
    ],
)
def test_a_citation_gives_title_venue_and_year(
    citation: str, expected: tuple[str, str | None, int]
) -> None:
    assert _read(citation) == expected


@pytest.mark.parametrize(
    "text",
    [
        "(* equal contribution; 412 citations, h-index 8, Google Scholar, May 2025)",
        "Peer-reviewed articles",
        "Accepted at NSDI '26 PILOT",
        "Reviewed papers for several journals since 2019.",
        "PSYCH 3331 Child Development (undergraduate), Ohio State University, 2021 - present",
    ],
)
def test_what_is_not_a_citation_gives_nothing(text: str) -> None:
    assert parse_citation(text) is None


def test_hanging_indent_citations_split_where_the_margin_returns() -> None:
    text = (
        "Reyes, M. T. (2024). Toddlers track speaker reliability. Developmental\n"
        "    Science, 27(2), e13421.\n"
        "    https://doi.org/10.1111/desc.13421\n"
        "Reyes, M. T. (2022). Attention to mouths predicts vocabulary. Child\n"
        "    Development, 93(5), 1310-1325.\n"
    )
    assert _groups(text) == [
        "Reyes, M. T. (2024). Toddlers track speaker reliability. Developmental Science, "
        "27(2), e13421. https://doi.org/10.1111/desc.13421",
        "Reyes, M. T. (2022). Attention to mouths predicts vocabulary. Child Development, "
        "93(5), 1310-1325.",
    ]


def test_an_indented_line_continues_its_citation_even_when_it_opens_with_a_year() -> None:
    text = (
        '"Caravan Debts and Colonial Courts." Journal of African History 61, no. 2\n'
        "     (2020): 211-34.\n"
        '"Women Traders on the Niger Bend." African Studies 53, no. 1 (2018): 45-70.\n'
    )
    assert [_read(citation) for citation in _groups(text)] == [
        ("Caravan Debts and Colonial Courts", "Journal of African History", 2020),
        ("Women Traders on the Niger Bend", "African Studies", 2018),
    ]


def test_a_sub_heading_inside_the_list_is_a_group_of_its_own() -> None:
    text = (
        "Conference Posters\n"
        "J. Smith and K. Doe. Owls of the delta. In: Annual Meeting of Ornithologists,\n"
        "2019.\n"
    )
    groups = _groups(text)
    assert groups[0] == "Conference Posters"
    assert [_read(citation) for citation in groups[1:]] == [
        ("Owls of the delta", "Annual Meeting of Ornithologists", 2019)
    ]


def test_a_date_column_starts_one_talk_per_year() -> None:
    text = (
        '2024   "Seeing mitophagy in real time", EMBO Workshop,\n'
        "       Cavtat, Croatia (invited)\n"
        '2023   "Luciferase reporters", Cell Biology Meeting, Leipzig\n'
    )
    assert [_read(citation)[2] for citation in _groups(text)] == [2024, 2023]


def test_talks_opening_with_their_year_split_without_a_gap_or_indent() -> None:
    """A date column as HTML shows it: its gap collapsed to a space, no hanging indent."""
    text = (
        '2024 "Seeing mitophagy in real time", EMBO Workshop,\n'
        "Cavtat, Croatia (invited)\n"
        '2023 "Luciferase reporters", Cell Biology Meeting, Leipzig\n'
    )
    assert [_read(citation)[::2] for citation in _groups(text)] == [
        ("Seeing mitophagy in real time", 2024),
        ("Luciferase reporters", 2023),
    ]


def test_a_year_opening_a_wrapped_line_continues_a_citation_that_opened_otherwise() -> None:
    text = "J. Smith. Owls of the delta. In: Annual Meeting of Ornithologists,\n2019 (poster).\n"
    assert len(_groups(text)) == 1


def test_a_wrapped_value_maps_back_to_the_document_span() -> None:
    text = '1. Roe J. "Counting birds with\n   drones." Ornithology 3 (2021).\n'
    (group,) = split_citations(text, split_lines(text))
    joined = join_citation(text, group)
    parsed = parse_citation(joined.text)
    assert parsed is not None
    start, end = joined.document_range(*parsed.title)
    assert text[start:end] == "Counting birds with\n   drones"
    assert joined.text[slice(*parsed.title)] == "Counting birds with drones"


def _listed(text: str, itemized: bool = True) -> tuple[str, str | None, int | None] | None:
    """A publications-section entry read the way the stage reads it: its lines joined, listed."""
    lines = split_lines(text)
    joined = join_citation(text, lines)
    parsed = parse_citation(joined.text, joined.breaks, listed=True, bulleted=itemized)
    if parsed is None:
        return None
    venue = joined.text[slice(*parsed.venue)] if parsed.venue else None
    return joined.text[slice(*parsed.title)], venue, parsed.year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # no year: "Title. Venue." in a publications list, with "vs." inside the title
            "- Sparse vs. dense retrieval for legal search. Journal of Legal Informatics.",
            ("Sparse vs. dense retrieval for legal search", "Journal of Legal Informatics", None),
        ),
        (  # a bare title, nothing else: a talk listed under Publications
            "- Practical Feature Flags.",
            ("Practical Feature Flags", None, None),
        ),
        (  # "Title, Venue, Year.": commas, not periods, set the venue off; a comma in the title
            "- Tests Are Cheap, Outages Are Not, Reliability Forum, 2021.",
            ("Tests Are Cheap, Outages Are Not", "Reliability Forum", 2021),
        ),
        (  # a website's title line over its venue line; an edition opens the venue
            "Gesture control for warehouse robots\n12th Conference on Field Robotics, 2020",
            ("Gesture control for warehouse robots", "12th Conference on Field Robotics", 2020),
        ),
        (  # a wrapped title under a hanging indent still runs to its sentence end
            "- Gesture control for warehouse robots in\n  narrow aisles. Field Robotics, 2020.",
            ("Gesture control for warehouse robots in narrow aisles", "Field Robotics", 2020),
        ),
    ],
)
def test_a_listed_paper_reads_without_year_or_venue(
    text: str, expected: tuple[str, str | None, int | None]
) -> None:
    assert _listed(text) == expected


@pytest.mark.parametrize("text", ["Selected talks and papers:", "Conference Papers"])
def test_a_label_in_a_publications_list_is_no_paper(text: str) -> None:
    assert _listed(text) is None


def test_teaching_rows_under_a_publications_list_are_no_paper() -> None:
    text = (
        "PSYCH 3331 Child Development, Ohio State University, 2021 - present\n"
        "PSYCH 8870 Seminar in Language Acquisition, Ohio State University, 2023\n"
    )
    assert _listed(text, itemized=False) is None


def test_a_bare_sentence_outside_a_list_item_needs_a_venue_or_year() -> None:
    assert _listed("Practical Feature Flags.", itemized=False) is None


def test_undated_papers_one_per_line_split_at_each_sentence_end() -> None:
    text = (
        "Sparse retrieval for legal search. Journal of Legal Informatics.\n"
        "Dense retrieval at scale. Applied Search Letters.\n"
    )
    assert _groups(text) == [
        "Sparse retrieval for legal search. Journal of Legal Informatics.",
        "Dense retrieval at scale. Applied Search Letters.",
    ]


def test_a_short_title_over_its_venue_line_is_no_sub_heading() -> None:
    text = "Monoliths Revisited\nOps Summit, 2015\n\nTracing Everything\nOps Summit, 2016\n"
    assert _groups(text) == [
        "Monoliths Revisited Ops Summit, 2015",
        "Tracing Everything Ops Summit, 2016",
    ]


# --------------------------------------------------------------------------- properties

_TITLE_WORDS = ["model", "of", "low-resource", "speech", "cells", "in", "neural", "the"]
_VENUE_WORDS = ["Journal", "Review", "Letters", "Applied", "Studies", "Quarterly", "Methods"]
_surnames = st.from_regex(r"[A-Z][a-z]{2,9}(-[A-Z][a-z]{2,6})?", fullmatch=True)
_initials = st.from_regex(r"[A-Z]{1,2}", fullmatch=True)


@dataclass(frozen=True)
class _Paper:
    authors: list[tuple[str, str]]
    title: str
    venue: str
    year: int
    volume: int
    pages: tuple[int, int]


@st.composite
def _papers(draw: st.DrawFn) -> _Paper:
    # Three words at least: a quoted title under eight characters is not read (a quoted word
    # such as "invited" is no title).
    words = draw(st.lists(st.sampled_from(_TITLE_WORDS), min_size=3, max_size=12))
    first = draw(st.sampled_from(["A", "Learning", "Toward", "Mapping"]))
    venue = draw(st.lists(st.sampled_from(_VENUE_WORDS), min_size=1, max_size=3))
    return _Paper(
        authors=draw(st.lists(st.tuples(_surnames, _initials), min_size=1, max_size=4)),
        title=" ".join([first, *words]),
        venue=" of ".join(venue) if draw(st.booleans()) else " ".join(venue),
        year=draw(st.integers(1950, 2029)),
        volume=draw(st.integers(1, 300)),
        pages=(draw(st.integers(1, 999)), draw(st.integers(1000, 9999))),
    )


def _format(paper: _Paper, style: str) -> str:
    """One citation in a common reference style."""
    low, high = paper.pages
    if style == "vancouver":
        names = ", ".join(f"{surname} {initials}" for surname, initials in paper.authors)
        return f"{names}. {paper.title}. {paper.venue}. {paper.year};{paper.volume}:{low}-{high}."
    if style == "apa":
        names = ", ".join(
            f"{surname}, {'. '.join(initials)}." for surname, initials in paper.authors
        )
        return (
            f"{names} ({paper.year}). {paper.title}. {paper.venue}, {paper.volume}, {low}-{high}."
        )
    if style == "ieee":
        names = ", ".join(f"{initials[0]}. {surname}" for surname, initials in paper.authors)
        return f"{names}. {paper.title}. In: {paper.venue}, {paper.year}, pp. {low}-{high}."
    names = ", ".join(f"{surname} {initials}" for surname, initials in paper.authors)
    return f'{names}. "{paper.title}." {paper.venue} {paper.volume}: {low} ({paper.year}).'


_STYLES = st.sampled_from(["vancouver", "apa", "ieee", "quoted"])
_NUMBERING = st.sampled_from(["{n}. ", "[{n}] ", "{n}) ", "- ", ""])


@settings(max_examples=200, deadline=None)
@given(_papers(), _STYLES)
def test_any_generated_citation_reads_back(paper: _Paper, style: str) -> None:
    assert _read(_format(paper, style)) == (paper.title, paper.venue, paper.year)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_papers(), _STYLES), min_size=1, max_size=5),
    _NUMBERING,
    st.integers(30, 100),
    st.booleans(),
)
def test_any_numbering_and_wrapping_splits_back_into_the_citations(
    papers: list[tuple[_Paper, str]], numbering: str, width: int, indent: bool
) -> None:
    citations = [_format(paper, style) for paper, style in papers]
    lines: list[str] = []
    for n, citation in enumerate(citations, start=1):
        marker = numbering.format(n=n)
        # An unnumbered list needs its hanging indent to tell citations apart.
        hanging = " " * (len(marker) if indent or not marker else 0) or (
            "    " if not marker else ""
        )
        lines.extend(
            textwrap.wrap(
                citation,
                width,
                initial_indent=marker,
                subsequent_indent=hanging,
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
    # Under its heading, as in a document (a repeated first line would be a running header).
    text = "\n".join(["Publications", *lines]) + "\n"
    assert _groups(text, skip=1) == citations
    assert [_read(c) for c in citations] == [(p.title, p.venue, p.year) for p, _ in papers]
