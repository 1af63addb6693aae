"""Publications read from whole documents: wrapped, numbered and unnumbered lists, talks."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument, PublicationCandidate

Extract = Callable[[str], ExtractedDocument]


def _rows(document: ExtractedDocument) -> list[tuple[str, str | None, int | None]]:
    return [_row(paper) for paper in document.publications]


def _row(paper: PublicationCandidate) -> tuple[str, str | None, int | None]:
    return paper.title.value, paper.venue.value if paper.venue else None, paper.year


def test_numbered_citations_wrapped_over_lines_are_read_whole(extract_text: Extract) -> None:
    document = extract_text(
        "Publications\n"
        '1. Roe J, Li K. "Counting birds with drones over\n'
        '   wetlands." Journal of Field\n'
        "   Ornithology 12(3): 45-67 (2021).\n"
        '[2] Li K. "Owl calls at night in cities." Urban Ecology 4, 9 (2019).\n'
    )
    assert _rows(document) == [
        ("Counting birds with drones over wetlands", "Journal of Field Ornithology", 2021),
        ("Owl calls at night in cities", "Urban Ecology", 2019),
    ]


def test_a_wrapped_title_keeps_its_document_span(extract_text: Extract) -> None:
    text = 'Publications\n1. Roe J. "Counting birds with\n   drones." Ornithology 3 (2021).\n'
    (paper,) = extract_text(text).publications
    assert text[paper.title.start : paper.title.end] == "Counting birds with\n   drones"
    assert paper.span == (text.index("1. Roe"), len(text) - 1)


def test_unnumbered_apa_references_split_at_the_margin(extract_text: Extract) -> None:
    document = extract_text(
        "Publications\n"
        "Roe, J., & Li, K. (2022). Counting birds with drones. Journal of Field\n"
        "    Ornithology, 12(3), 45-67. https://doi.org/10.1000/jfo.123\n"
        "Li, K. (2019). Owl calls at night in cities. Urban Ecology, 4, 9-19.\n"
    )
    assert _rows(document) == [
        ("Counting birds with drones", "Journal of Field Ornithology", 2022),
        ("Owl calls at night in cities", "Urban Ecology", 2019),
    ]
    assert document.publications[0].url == "https://doi.org/10.1000/jfo.123"


def test_a_citations_doi_is_not_the_persons_link(extract_text: Extract) -> None:
    document = extract_text(
        "Jane Roe\nhttps://janeroe.example.org\n\nPublications\n"
        "1. Roe J. Counting birds with drones. Ornithology. 2021;3:1-9. doi:10.1000/x.1\n"
        "2. Roe J. Owls in cities. Urban Ecology. 2019;4:1-2. https://doi.org/10.1/owl\n"
        "All papers: https://orcid.org/0000-0002-1825-0097\n"
    )
    assert [link.url for link in document.links] == [
        "https://janeroe.example.org",
        "https://orcid.org/0000-0002-1825-0097",
    ]
    assert [paper.url for paper in document.publications] == [
        "https://doi.org/10.1000/x.1",
        "https://doi.org/10.1/owl",
    ]


def test_a_talk_list_under_a_date_column_gives_one_talk_per_year(extract_text: Extract) -> None:
    document = extract_text(
        "Jane Roe\n\nSelected Talks\n"
        '2024   "Seeing birds in real time", Workshop on Field Methods,\n'
        "       Cavtat, Croatia (invited)\n"
        '2023   "Drones for ornithologists", Society for Field Biology Annual\n'
        "       Meeting, Leipzig\n"
    )
    assert _rows(document) == [
        ("Seeing birds in real time", "Workshop on Field Methods", 2024),
        ("Drones for ornithologists", "Society for Field Biology Annual Meeting", 2023),
    ]


def test_a_cue_led_entry_is_still_read_by_its_cue(extract_text: Extract) -> None:
    document = extract_text(
        "Jane Roe\n\nPublications\n\nAccepted at ICML '24\nSparse Widgets\n\n"
        "Accepted at NeurIPS '23\nDense Gadgets\n"
    )
    assert _rows(document) == [("Sparse Widgets", "ICML", 2024), ("Dense Gadgets", "NeurIPS", 2023)]


def test_a_cue_that_introduces_the_venue_is_not_part_of_it(extract_text: Extract) -> None:
    document = extract_text(
        "Jane Roe\n\nConference Papers\n"
        '"Salt, Credit, and Kinship." Paper presented at the Annual Meeting of Historians,\n'
        "     Boston, November 2022.\n"
        '"Owls of the Delta." Journal of Field Ornithology 3, no. 1 (2019): 4-9.\n'
    )
    assert _rows(document) == [
        ("Salt, Credit, and Kinship", "the Annual Meeting of Historians", 2022),
        ("Owls of the Delta", "Journal of Field Ornithology", 2019),
    ]
    assert [paper.status for paper in document.publications] == ["presented", "published"]


def test_an_html_attribute_in_a_markdown_cv_is_no_quoted_title(extract_markdown: Extract) -> None:
    document = extract_markdown(
        "## Publications\n\n"
        "2021\n"
        ":   Roe J., Li K., **Counting birds with drones**\n\n"
        '    <div class="text-small">Presented at the Wetland Birds Meeting 2021</div>\n\n'
        '- Li K. "Owl calls at night in cities." Urban Ecology '
        '<span class="note">4</span> (2019).\n'
    )
    titles = [paper.title.value for paper in document.publications]
    assert "text-small" not in titles and "note" not in titles
    assert "Owl calls at night in cities" in titles


def test_a_definition_list_item_is_title_over_venue_and_year(extract_markdown: Extract) -> None:
    document = extract_markdown(
        "## Publications\n\n"
        "**A Study of Things**\n: <i>Journal of Stuff</i>, 2019\n\n"
        "*Sheep at Night: A Field Guide*\n: <em>Pastoral Letters</em>\n\n"
        "Counting Goats Quickly Again\n"
        ': <span class="venue">Workshop on Goat Metrics</span>, 2020\n'
    )
    assert _rows(document) == [
        ("A Study of Things", "Journal of Stuff", 2019),
        ("Sheep at Night: A Field Guide", "Pastoral Letters", None),
        ("Counting Goats Quickly Again", "Workshop on Goat Metrics", 2020),
    ]


def test_a_definition_list_items_facts_may_stand_one_a_line(extract_markdown: Extract) -> None:
    text = (
        "## Publications\n\n"
        "**[Learning to Count Sheep](https://example.org/sheep)**\n"
        ": J. Smith, K. Doe\n: <em>Journal of Sleep Studies</em>\n: 2018\n\n"
        "**Fences and Their Neighbours**\n: Submitted to <i>Fence Letters</i>\n"
    )
    document = extract_markdown(text)
    assert _rows(document) == [
        ("Learning to Count Sheep", "Journal of Sleep Studies", 2018),
        ("Fences and Their Neighbours", "Fence Letters", None),
    ]
    assert [paper.status for paper in document.publications] == ["published", "submitted"]
    first = document.publications[0]
    assert text[first.title.start : first.title.end] == "Learning to Count Sheep"
