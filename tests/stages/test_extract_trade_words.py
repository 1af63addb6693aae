"""A trade word heads a firm's name only where it closes it (``_firm_names``): "Software" of
a title ("Quality Lead Software Testing") is no employer's head. Every name here is invented."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def _jobs(extract_text: Extract, text: str) -> list[tuple[str | None, str | None]]:
    return [
        (
            job.organization.value if job.organization else None,
            job.role.value if job.role else None,
        )
        for job in extract_text(text).experiences
    ]


def test_titles_holding_a_trade_word_are_titles(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Quillmark GmbH, Brask                                   01/2020 - 10/2021\n"
        "Quality Lead Software Testing\n"
        "Wrote the test plans.\n\n"
        "Quillmark GmbH, Brask                                   04/2015 - 12/2019\n"
        "Software Delivery PMO\n"
        "Ran the releases.\n\n"
        "Kettle Systems GmbH, Brask                              04/2012 - 03/2015\n"
        "Developer\n"
        "Built the services.\n"
    )
    assert _jobs(extract_text, text) == [
        ("Quillmark GmbH", "Quality Lead Software Testing"),
        ("Quillmark GmbH", "Software Delivery PMO"),
        ("Kettle Systems GmbH", "Developer"),
    ]


def test_a_trade_word_closing_a_name_still_heads_a_firm(extract_text: Extract) -> None:
    text = (
        "Experience\n\n"
        "Senior Developer at Harwick Software\n"
        "2019-01 — 2022-01 · Brask\n\n"
        "Developer at Tallowby Consulting Ltd\n"
        "2016-01 — 2018-12 · Brask\n"
    )
    assert _jobs(extract_text, text) == [
        ("Harwick Software", "Senior Developer"),
        ("Tallowby Consulting Ltd", "Developer"),
    ]


def test_trade_words_parted_by_commas_list_trades_not_a_firm(extract_text: Extract) -> None:
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Kettle Systems                                          01/2020 - 10/2021\n"
        "Lead Developer\n"
        "Development & Design, Consulting\n"
        "Built the services.\n"
    )
    assert _jobs(extract_text, text) == [("Kettle Systems", "Lead Developer")]


def test_a_firm_named_before_its_trade_word_stays_a_firm(extract_text: Extract) -> None:
    text = (
        "Work experience\n\nLead Developer, Brook Design & Consulting (2020 – 2021)\n"
        "Built the services.\n"
    )
    assert _jobs(extract_text, text) == [("Brook Design & Consulting", "Lead Developer")]


_TRADES = "Development & Design, Consulting"


def test_a_summary_line_of_trades_is_no_employer(extract_text: Extract) -> None:
    # PDF paste: the job's name where the employer stands, its summary line under it.
    text = (
        "PROFESSIONAL EXPERIENCE\n\n"
        "Freelance Webmaker                                   07/2013 - Present\n"
        f"{_TRADES}\n  • Built sites for clients\n\n"
        "Kettle Systems                                       06/2010 - 06/2013\n"
        "Lead Frontend Developer\n  • Built the shop\n"
    )
    assert _jobs(extract_text, text)[0] == ("Freelance Webmaker", None)


def test_a_summary_line_of_trades_is_no_employer_where_employers_stand(
    extract_text: Extract,
) -> None:
    # Europass: dates, the job's name where titles stand, its summary where employers do.
    text = (
        f"WORK EXPERIENCE\n\n07/2013 – present\nFreelance Webmaker\n{_TRADES}\n"
        "▪ Built sites for clients\n\n"
        "06/2010 – 06/2013\nLead Frontend Developer\nKettle Systems\n▪ Built the shop\n"
    )
    assert _TRADES not in _jobs(extract_text, text)[0]


def test_a_trade_word_opening_the_parts_is_no_list(extract_text: Extract) -> None:
    # "Quillmark Learning" / "Systems, Brask, MO": a name a line break cut, then its town.
    text = (
        "Experience\n\nDirector, Quillmark Learning\nSystems, Brask, MO, May 2005 to Nov. 2006\n"
        "Built the practice.\n"
    )
    employer, _title = _jobs(extract_text, text)[0]
    assert employer != "Systems, Brask, MO"
