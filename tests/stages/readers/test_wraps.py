"""Wrapped lines joined back, in wide columns and in narrow sidebars, on positioned words."""

from __future__ import annotations

from dataclasses import replace

from resume_etl.stages.readers.lines import TextLine, Word
from resume_etl.stages.readers.wraps import Column, join_wrapped

CHAR = 5.0  # width of one character at size 10, in points
LEADING = 13.0
SIDEBAR = Column(left=50.0, right=50.0 + 30 * CHAR)  # 30 characters: a narrow column


def lines(*texts: str, x: float = 50.0) -> list[TextLine]:
    """Each text on its own row, one leading apart, set from ``x``."""
    found = []
    for row, text in enumerate(texts):
        top, left, words = 100.0 + LEADING * row, x, []
        for part in text.split(" "):
            width = len(part) * CHAR
            words.append(Word(part, left, left + width, top, top + 10.0, 10.0))
            left += width + CHAR
        found.append(TextLine(words))
    return found


def wide(first: str) -> Column:
    """A column of a one-column page, whose edge ``first`` nearly reaches."""
    return Column(left=50.0, right=lines(first)[0].x1 + CHAR)


def joined(column: Column, *texts: str) -> list[str]:
    kept, _ = join_wrapped(lines(*texts), column, usual_gap=3.0)
    return [line.text() for line in kept]


def test_a_sidebar_line_ending_on_of_is_joined() -> None:
    assert joined(SIDEBAR, "MChem Chemistry, University of", "York, 2008 - 2012") == [
        "MChem Chemistry, University of York, 2008 - 2012"
    ]


def test_a_sidebar_line_continued_by_a_bracket_is_joined() -> None:
    assert joined(SIDEBAR, "Search Engine Optimization", "(SEO)", "Content Strategy") == [
        "Search Engine Optimization (SEO)",
        "Content Strategy",
    ]


def test_a_labelled_field_wrapped_in_a_sidebar_is_joined() -> None:
    assert joined(SIDEBAR, "Qualification: Chartered", "Accountant", "Year: 2018") == [
        "Qualification: Chartered Accountant",
        "Year: 2018",
    ]


def test_a_sidebar_list_is_not_joined_even_after_its_longest_item() -> None:
    items = ("Stakeholder Management Skills", "Forecasting", "Budget Planning", "Negotiation")
    assert joined(SIDEBAR, *items) == list(items)


def test_a_sidebar_entry_closed_by_its_dates_is_not_joined_to_the_next() -> None:
    texts = ("University of Leeds, 2012 - 2016", "MChem Chemistry, York")
    assert joined(SIDEBAR, *texts) == list(texts)


def test_a_title_line_ending_on_its_dates_keeps_the_next_line_in_a_wide_column() -> None:
    title = "Healthcare Assistant (part-time, bank), Moorside Homes, Leeds   Oct 2012 - Jul 2015"
    texts = (title.replace("   ", " "), "Community Care Trust")
    assert joined(wide(texts[0]), *texts) == list(texts)


def test_prose_wrapped_in_a_wide_column_is_joined() -> None:
    first = "Reduced the average time to first antibiotic dose for suspected sepsis from 95 to"
    assert joined(wide(first), first, "48 minutes.") == [f"{first} 48 minutes."]


def test_a_word_hyphenated_at_the_break_is_joined_without_a_space() -> None:
    first = "Led the unit's pressure-ulcer prevention bundle, reducing hospital-"
    assert joined(wide(first), first, "acquired injuries by 31%.")[0].endswith(
        "hospital-acquired injuries by 31%."
    )


def test_a_degree_wrapped_in_a_sidebar_of_wrapped_lines_is_joined_on_its_geometry() -> None:
    """Nothing in "First Class" / "Honours" says the line was cut; the block says it: its
    lines run to the edge, as wrapped text does and a list of short items does not."""
    texts = (
        "2013 - 2014",
        "Legal Practice Course (LPC),",
        "Distinction",
        "Northbridge Law School in the",
        "city of Manchester",
        "2010 - 2013",
        "LLB (Hons) Law - First Class",
        "Honours",
        "University of Bristol",
    )
    assert joined(SIDEBAR, *texts) == [
        "2013 - 2014",
        "Legal Practice Course (LPC), Distinction",
        "Northbridge Law School in the city of Manchester",
        "2010 - 2013",
        "LLB (Hons) Law - First Class Honours",
        "University of Bristol",
    ]


def test_a_sidebar_line_ending_on_a_name_head_keeps_the_next_field() -> None:
    texts = (
        "Bayview State University",
        "Bachelor of Arts - BA,",
        "Communication and Media",
        "2014 - 2018",
        "Associate Degree in Media",
        "Studies and Journalism Now",
    )
    assert joined(SIDEBAR, *texts) == [
        "Bayview State University",
        "Bachelor of Arts - BA, Communication and Media",
        "2014 - 2018",
        "Associate Degree in Media Studies and Journalism Now",
    ]


def test_a_phone_an_address_or_a_title_under_a_name_in_capitals_is_a_field_of_its_own() -> None:
    """Every line runs to the edge of the sidebar, and no line closes: its words tell."""
    texts = (
        "THANDIWE MOKOENA-PILLAY AND",
        "Pharmacist (UKZN) registered",
        "+27 31 555 0111 office line",
        "thandi.mokoena@example.org",
    )
    assert joined(SIDEBAR, *texts) == list(texts)


def test_a_dash_wrapped_under_a_bullets_text_continues_the_bullet() -> None:
    first = "• [pg-failover-drill](https://github.com/example/pg-failover-drill)"
    bullet, dash_line, next_item = lines(first, "- chaos scripts that rehearse failover", "• Next")
    indent = 2 * CHAR  # set where the bullet's text starts, not where its glyph is
    dash_line.words = [replace(w, x0=w.x0 + indent, x1=w.x1 + indent) for w in dash_line.words]
    kept, count = join_wrapped([bullet, dash_line, next_item], wide(first), usual_gap=3.0)
    assert [line.text() for line in kept] == [
        f"{first} - chaos scripts that rehearse failover",
        "• Next",
    ]
    assert count == 1


def test_a_dash_under_a_bullets_glyph_is_the_next_item() -> None:
    first = "• [pg-failover-drill](https://github.com/example/pg-failover-drill)"
    texts = (first, "- chaos scripts that rehearse failover")
    assert joined(wide(first), *texts) == list(texts)


def test_a_line_laid_out_in_fields_whose_last_field_was_cut_is_joined() -> None:
    dated, wrapped = lines("2020-present Associate Professor, University of", "Minas Gerais")
    dated.words[1:] = [replace(word, x0=word.x0 + 15, x1=word.x1 + 15) for word in dated.words[1:]]
    kept, count = join_wrapped([dated, wrapped], wide(dated.text()), usual_gap=3.0)
    assert count == 1
    assert kept[0].text() == "2020-present    Associate Professor, University of Minas Gerais"


def test_a_line_laid_out_in_fields_and_closed_keeps_the_next_line() -> None:
    dated, title = lines("2019 - 2021 Engineer, Acme Corporation", "Built the billing service")
    dated.words[3:] = [replace(word, x0=word.x0 + 15, x1=word.x1 + 15) for word in dated.words[3:]]
    kept, _ = join_wrapped([dated, title], wide(dated.text()), usual_gap=3.0)
    assert len(kept) == 2


def test_a_list_wrapped_before_its_separator_is_joined() -> None:
    assert joined(SIDEBAR, "Butchery · Fermentation · Menu", "· Wood-fired cooking") == [
        "Butchery · Fermentation · Menu · Wood-fired cooking"
    ]


def test_a_bullet_under_a_line_using_its_glyph_once_is_the_next_item() -> None:
    assert joined(SIDEBAR, "• Python · SQL", "• Go") == ["• Python · SQL", "• Go"]


def test_a_list_of_one_separator_wrapped_before_the_next_is_joined() -> None:
    assert joined(SIDEBAR, "Structured literacy · Te reo", "· Outdoor education") == [
        "Structured literacy · Te reo · Outdoor education"
    ]


def test_running_text_after_a_date_field_wrapped_in_a_wide_column_is_joined() -> None:
    dated, wrapped = lines(
        "2015-2016 Postdoctoral Fellow, Institute for Fiscal Policy Research", "Studies, London"
    )
    dated.words[1:] = [replace(word, x0=word.x0 + 15, x1=word.x1 + 15) for word in dated.words[1:]]
    kept, _ = join_wrapped([dated, wrapped], wide(dated.text()), usual_gap=3.0)
    assert kept[0].text().endswith("Policy Research Studies, London")


def test_a_short_field_set_off_at_the_edge_keeps_the_next_line() -> None:
    company, title = lines("Acme Corporation International Holdings London, UK", "Senior Engineer")
    company.words[4:] = [replace(w, x0=w.x0 + 60, x1=w.x1 + 60) for w in company.words[4:]]
    kept, _ = join_wrapped([company, title], wide(company.text()), usual_gap=3.0)
    assert [line.text() for line in kept][1] == "Senior Engineer"


def test_a_date_range_cut_at_its_dash_is_joined_and_a_dash_item_is_not() -> None:
    assert joined(SIDEBAR, "Software Engineering · Oct 1994", "- Jul 1999") == [
        "Software Engineering · Oct 1994 - Jul 1999"
    ]
    assert joined(SIDEBAR, "Software Engineering · Oct 1994", "- Led the lab") == [
        "Software Engineering · Oct 1994",
        "- Led the lab",
    ]


def test_a_label_cut_after_its_ampersand_is_joined() -> None:
    item, rest = lines("• Projektplanung &", "Qualitätsmanagement: Jira, Slack")
    rest.words[:] = [replace(w, x0=w.x0 + 2 * CHAR, x1=w.x1 + 2 * CHAR) for w in rest.words]
    kept, _ = join_wrapped([item, rest], SIDEBAR, usual_gap=3.0)
    assert [line.text() for line in kept] == ["• Projektplanung & Qualitätsmanagement: Jira, Slack"]
    assert joined(SIDEBAR, "Skills: Python, Go,", "Tools: Git") == [
        "Skills: Python, Go,",
        "Tools: Git",
    ]
