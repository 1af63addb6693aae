"""Segmenting author-written markdown: setext headings, HTML comments, definition lists, and a
jobs section named in the author's own words (issue 14; every name here is invented)."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument
from resume_etl.stages.segment import LineKind, SectionClassifier, segment, split_lines
from resume_etl.vocab import SectionKind, SourceFormat
from tests.conftest import make_document

Extract = Callable[[str], ExtractedDocument]


def _markdown(text: str, classifier: SectionClassifier) -> list[tuple[SectionKind, str | None]]:
    document = make_document(text, "cv.md").model_copy(
        update={"source_format": SourceFormat.MARKDOWN}
    )
    return [
        (section.kind, section.heading.content if section.heading else None)
        for section in segment(document, classifier).sections
    ]


def test_an_underlined_line_is_a_heading_in_markdown_only() -> None:
    text = "Teaching Notes\n--------------\n\nSome text.\n"
    assert split_lines(text, markdown=True)[0].kind is LineKind.MD_HEADING
    assert split_lines(text, markdown=True)[0].md_level == 2
    assert split_lines("Vela Orrin\n==========\n", markdown=True)[0].md_level == 1
    assert split_lines(text)[0].kind is LineKind.TEXT


def test_a_value_or_a_list_item_over_a_rule_is_no_heading() -> None:
    for line in ("date: 2019-06-20", "- Built the kiosk"):
        assert split_lines(f"{line}\n---\n", markdown=True)[0].kind is not LineKind.MD_HEADING


def test_html_comments_are_no_part_of_a_markdown_cv() -> None:
    text = "Skills\n\n<!--\nOld Jobs\n--------\n2001 - 2003\n-->\nPython\n"
    contents = [line.content for line in split_lines(text, markdown=True)]
    assert contents == ["Skills", "Python"]
    assert "2001 - 2003" in [line.content for line in split_lines(text)]


def test_a_definition_lists_colon_is_a_marker() -> None:
    line = split_lines("2014-2016\n:   Survey Lead at Brellow\n", markdown=True)[1]
    assert line.content == "Survey Lead at Brellow"
    assert split_lines(": not a marker\n")[0].content == ": not a marker"


def test_an_unnamed_heading_over_a_timeline_heads_jobs(classifier: SectionClassifier) -> None:
    text = (
        "Education\n---------\n\n2010-2014\n:   Tallowby College\n\n"
        "Field Work\n----------\n\n"
        "**Brellow Marine**\n\nNov 2018 - March 2019\n\nSurvey Lead\n\n"
        "**Orrick Labs**\n\nJan 2016 - Present\n\nAnalyst\n\n"
        "Workshops\n---------\n\n2020\n\n- Git for beginners.\n\n2019\n\n- Shell basics.\n"
    )
    assert _markdown(text, classifier) == [
        (SectionKind.EDUCATION, "Education"),
        (SectionKind.EXPERIENCE, "Field Work"),
        (SectionKind.OTHER, "Workshops"),
    ]


def test_a_periods_first_definition_is_its_header(classifier: SectionClassifier) -> None:
    text = "## Experience\n\n2016-present\n:   Consultant to the Orrin Council.\n"
    document = make_document(text, "cv.md").model_copy(
        update={"source_format": SourceFormat.MARKDOWN}
    )
    (entry,) = segment(document, classifier).sections[0].entries
    assert [line.content for line in entry.header] == [
        "2016-present",
        "Consultant to the Orrin Council.",
    ]


def test_an_emphasized_label_under_a_markdown_heading_keeps_its_section(
    classifier: SectionClassifier,
) -> None:
    text = (
        "Experience\n----------\n\n**Research Assistant : 2013 - Present**\n\n"
        "_Current Projects_\n\n- Tide model\n\n_Completed projects_\n\n- Wave atlas\n\n"
        "**Survey Engineer : 2010 - 2013**\n\n- Sonar rig\n"
    )
    assert _markdown(text, classifier) == [(SectionKind.EXPERIENCE, "Experience")]


def test_a_label_is_part_of_a_description_not_an_employer(extract_markdown: Extract) -> None:
    text = (
        "Experience\n----------\n\n**Research Assistant : 2013 - Present**\n\n"
        "_Current Projects_\n\n- Tide model\n\n_Completed projects_\n\n- Wave atlas\n\n"
        "**Survey Engineer : 2010 - 2013**\n\n- Sonar rig\n"
    )
    jobs = extract_markdown(text).experiences
    assert [(job.organization, job.role.value if job.role else None) for job in jobs] == [
        (None, "Research Assistant"),
        (None, "Survey Engineer"),
    ]


def test_an_icons_html_is_no_word_of_a_heading(classifier: SectionClassifier) -> None:
    text = (
        '## <span class="fa fa-briefcase fa-fw"></span> Experience\n\n2019 - 2021\n\n'
        '## <i class="fa fa-university"></i> Education\n\n2014\n'
    )
    assert [kind for kind, _ in _markdown(text, classifier)] == [
        SectionKind.EXPERIENCE,
        SectionKind.EDUCATION,
    ]


def test_headings_in_other_words_and_languages(classifier: SectionClassifier) -> None:
    for heading, kind in [
        ("Occupation", SectionKind.EXPERIENCE),
        ("Expérience professionnelle", SectionKind.EXPERIENCE),
        ("工作经历", SectionKind.EXPERIENCE),
        ("教育经历", SectionKind.EDUCATION),
        ("Ausbildung", SectionKind.EDUCATION),
    ]:
        assert classifier.classify(heading) is kind, heading
