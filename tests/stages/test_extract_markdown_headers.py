"""Author-written markdown job and school headers (pandoc résumés): markup and definition
lists say where fields are; no value holds markup. One test per shape class of issue 14;
every name here is invented."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from spacy.language import Language

from resume_etl.stages.extract import ExtractedDocument, LexiconCategories, analyse, extract
from resume_etl.stages.layout import LineRoleModel
from resume_etl.stages.segment import SectionClassifier, segment
from resume_etl.vocab import SourceFormat
from tests.conftest import make_document
from tests.stages.job_rows import employers_and_titles

Extract = Callable[[str], ExtractedDocument]


@pytest.fixture(scope="module")
def extract_markdown(
    nlp: Language,
    classifier: SectionClassifier,
    categories: LexiconCategories,
    line_model: LineRoleModel | None,
) -> Extract:
    """Extraction of a text read from a markdown file (its definition lists, its headings)."""

    def run(text: str) -> ExtractedDocument:
        document = make_document(text, "cv.md").model_copy(
            update={"source_format": SourceFormat.MARKDOWN}
        )
        segmented = segment(document, classifier, line_model)
        return extract(segmented, analyse(nlp, [segmented])[0], categories)

    return run


_MARKUP = re.compile(r"\*|\]\(|\[|</?[a-z]|\b_|_\b")


def test_bold_role_then_its_employer_in_brackets(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n"
        "**Field Technician** (Brellow Marine)\n: Apr 2018 to Oct 2018\n\n"
        "Serviced the sonar rigs.\n\n"
        "**Survey Lead** (Quarrington Hydro)\n: Mar 2013 to Feb 2017\n\n"
        "Led the surveys.\n"
    )
    assert employers_and_titles(extract_text, text) == [
        ("Brellow Marine", "Field Technician"),
        ("Quarrington Hydro", "Survey Lead"),
    ]


def test_a_team_after_a_dash_inside_the_emphasised_title_stays_in_the_title(
    extract_text: Extract,
) -> None:
    text = (
        "Experience\n----------\n\n"
        "**Norquay Savings Bank**\n"
        ":    *Platform Engineer - Branch Systems* Feb 2016 - Present\n\n"
        "    Built the branch kiosks.\n\n"
        "**Norquay Savings Bank**\n"
        ":    *Platform Engineer - Lending Technology* July 2014 - Feb 2016\n\n"
        "    Built the loan services.\n"
    )
    assert employers_and_titles(extract_text, text) == [
        ("Norquay Savings Bank", "Platform Engineer - Branch Systems"),
        ("Norquay Savings Bank", "Platform Engineer - Lending Technology"),
    ]


def test_no_value_holds_markup(extract_text: Extract) -> None:
    text = (
        "## Experience\n\n"
        "**Data Analyst** for [Orrick Labs](https://orrick.example) • _Lakeport_\n"
        ": 2019 - 2021\n\n"
        "**Research Assistant**  (Tallowby Institute of Marine Science)\n: 2016 to 2018\n"
    )
    for job in extract_text(text).experiences:
        for found in (job.organization, job.role, job.location):
            assert found is None or not _MARKUP.search(str(found.value)), found


def test_a_period_term_defined_by_the_position_to_a_linked_employer(
    extract_markdown: Extract,
) -> None:
    text = (
        "Positions\n---------\n\n"
        "2016-present\n"
        ":   Fisheries Modelling Consultant to the [Orrin Tribal Council](https://orrin.example/).\n\n"
        "2009-2015\n"
        ":  Survey Scientist (Staff at [Brellow Acoustics](https://brellow.example/)).\n"
    )
    assert employers_and_titles(extract_markdown, text) == [
        ("Orrin Tribal Council", "Fisheries Modelling Consultant"),
        ("Brellow Acoustics", "Survey Scientist"),
    ]


def test_the_title_opening_the_description_under_an_employer(extract_markdown: Extract) -> None:
    text = (
        "## Experience\n\n"
        "**Brellow**\nOct2018-Dec2021\n\n"
        "Senior developer, working on both the web shop and its apps.\n\n"
        "- Built the ledger.\n\n"
        "**Orrick Labs**\nApril 2016-May 2018\n\n"
        "Built the billing service in Go.\n"
    )
    assert employers_and_titles(extract_markdown, text) == [
        ("Brellow", "Senior developer"),
        ("Orrick Labs", None),
    ]


def test_a_stray_line_with_no_name_and_no_period_is_no_entry(extract_markdown: Extract) -> None:
    text = (
        "## Experience\n\n**Brellow**\nOct2018-Dec2021\n\nSenior developer, working on ledgers.\n\n"
        "----\n\n**Other**\n:   Sentiment study of forum posts - Python\n"
        ":   A story writing app - Javascript /meteor\n\n"
        "## Education\n\n2008 - 2012\n:   **Bachelor of Technology** Vellan Institute\n\n"
        "----\n\n:   Securing local storage - HTML5\n"
    )
    document = extract_markdown(text)
    for job in document.experiences:
        assert job.organization or job.role or job.dates
    for school in document.education:
        assert school.institution or school.degree or school.dates
    assert employers_and_titles(extract_markdown, text)[0] == ("Brellow", "Senior developer")


def _schools(extract: Extract, text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (
            school.institution.value if school.institution else None,
            school.location.value if school.location else None,
            school.dates.text if school.dates else None,
        )
        for school in extract(text).education
    ]


def test_a_bracketed_place_or_acronym_after_the_school_is_no_part_of_its_name(
    extract_markdown: Extract,
) -> None:
    text = (
        "Education\n---------\n\n"
        "2015-2021 (expected)\n:   Tallowby Technological University (Orrin Falls, MI)\n\n"
        "2003-2009\n:   [PhD, Marine Sciences, University of Quarrington (UQ)](https://q.example/t).\n"
    )
    assert _schools(extract_markdown, text) == [
        ("Tallowby Technological University", "Orrin Falls, MI", "2015-2021"),
        ("University of Quarrington", None, "2003-2009"),
    ]
