"""A running head repeated above a job ("Name – Curriculum Vitae") is no part of its header
(``stages/extract/_running_head.py``); every name here is invented."""

from __future__ import annotations

from resume_etl.stages.extract._running_head import first_line_of, is_running_head
from tests.stages.job_rows import Extract, job_rows

_HEAD = "Jono Parvel – Curriculum Vitae"


def _one_line(*parts: str) -> str:
    """A text pulled from a PDF as one line: its lines parted by runs of spaces."""
    return "    ".join(parts)


def test_a_running_head_in_text_pulled_as_one_line_is_no_employer(extract_text: Extract) -> None:
    # Employers no lexicon knows, so that no slot of the section is sure to hold them.
    text = _one_line(
        "Jono Parvel",
        "Principal Engineer",
        "Brask, Norland | jono@example.com",
        "EXPERIENCE",
        "Tarnet                                         01/2020 - 12/2023",
        "Senior Software Engineer",
        "  • Built the payment services for the shop and ran them for three",
        "Page 1 of 2",
        _HEAD,
        "    years in a row",
        "Velko                                          03/2016 - 12/2019",
        "Software Engineer",
        "  • Built the search",
        "Page 2 of 2",
        _HEAD,
        "Brindle                                        01/2014 - 02/2016",
        "Developer",
        "  • Built the site",
    )
    employers = [employer for employer, _title, _place in job_rows(extract_text, text)]
    assert employers == ["Tarnet", "Velko", "Brindle"]


def test_the_name_with_a_few_words_beside_it_is_a_running_head() -> None:
    assert is_running_head(_HEAD, "Jono Parvel")
    assert not is_running_head(
        "Jono Parvel Consulting and Design Studio for Small Shops", "Jono Parvel"
    )


def test_the_first_line_is_the_first_non_blank_line() -> None:
    assert first_line_of("\n\n  Jono Parvel  \nPrincipal Engineer\n") == "Jono Parvel"
