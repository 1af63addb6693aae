from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.evaluation.real.expected import expected
from resume_etl.evaluation.real.facts import Job, Month, Period, Person, ResumeFacts, School
from resume_etl.evaluation.real.render import (
    LAYOUT_NAMES,
    LAYOUTS,
    POOLED_LAYOUTS,
    Layout,
    layout_named,
)
from resume_etl.evaluation.real.render.dates import DateStyle, duration_text, months_between
from resume_etl.evaluation.real.render.paged import PDF_WIDTH
from resume_etl.evaluation.real.render.text import paginate, right_aligned, wrap

months = st.builds(Month, year=st.integers(1980, 2030), month=st.integers(1, 12))


def test_there_are_at_least_five_layouts_with_distinct_date_forms() -> None:
    assert len(POOLED_LAYOUTS) >= 5
    assert len({layout.dates for layout in POOLED_LAYOUTS}) == len(POOLED_LAYOUTS)
    assert "markdown" in LAYOUT_NAMES
    assert layout_named("markdown").suffix == ".md"


def test_an_unknown_layout_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="poster"):
        layout_named("poster")


@pytest.mark.parametrize(
    ("style", "text"),
    [
        (DateStyle("short"), "Mar 2021 – Present"),
        (DateStyle("numeric", dash=" - "), "03/2021 - Present"),
        (DateStyle("long"), "March 2021 – Present"),
        (DateStyle("iso", ongoing="now", dash=" — "), "2021-03 — now"),
        (DateStyle("year", since=True), "since 2021"),
    ],
)
def test_each_style_writes_an_ongoing_range_its_own_way(style: DateStyle, text: str) -> None:
    assert style.period(Period(start=Month(year=2021, month=3), current=True)) == text


def test_a_year_only_date_stays_a_year_in_every_style() -> None:
    for layout in LAYOUTS:
        assert layout.dates.point(Month(year=2015)) == "2015"


@given(months, months)
def test_a_closed_range_shows_both_ends(start: Month, end: Month) -> None:
    for layout in LAYOUTS:
        text = layout.dates.period(Period(start=start, end=end))
        assert layout.dates.point(start) in text
        assert text.endswith(layout.dates.point(end))


def test_linkedin_durations_count_both_months() -> None:
    assert months_between(Month(year=2020, month=1), Month(year=2020, month=12)) == 12
    assert duration_text(14) == "1 year 2 months"
    assert duration_text(0) == "less than a year"


@given(st.text(alphabet="abcdefghij ", min_size=1, max_size=400), st.integers(20, 100))
def test_wrapping_keeps_every_word_and_the_width(text: str, width: int) -> None:
    lines = wrap(text, width, "  • ", "    ")
    assert " ".join(" ".join(lines).replace("•", " ").split()) == " ".join(text.split())
    several_words = [line for line in lines if len(line.replace("•", " ").split()) > 1]
    assert all(len(line) <= width for line in several_words)


def test_right_aligned_text_ends_at_the_width() -> None:
    line = right_aligned("Harbour Ledger", "03/2021 - Present", 60)
    assert len(line) == 60
    assert line.startswith("Harbour Ledger ")


def test_pages_get_their_header_and_numbered_footer() -> None:
    lines = [f"line {n}" for n in range(10)]
    paged = paginate(
        lines, 4, lambda p, _n: [f"head {p}"] if p > 1 else [], lambda p, n: [f"{p}/{n}"]
    )
    assert paged[:5] == ["line 0", "line 1", "line 2", "line 3", "1/3"]
    assert "head 2" in paged
    assert paged[-1] == "3/3"


@pytest.mark.parametrize("layout", LAYOUTS, ids=LAYOUT_NAMES)
def test_every_gold_value_is_printed(layout: Layout, facts: ResumeFacts) -> None:
    text = " ".join(layout.render(facts).split())
    gold = expected(facts, layout, "x").gold
    values = [gold.name, gold.location, *gold.emails, *gold.phones, *gold.skills]
    values += [job.organization for job in gold.work] + [job.role for job in gold.work]
    values += [school.institution for school in gold.education]
    values += [project.name for project in gold.projects]
    values += [item.title for item in gold.publications]
    for value in values:
        assert value is not None
        assert value in text, f"{layout.name} lacks {value!r}"
    for job in facts.jobs:
        assert layout.dates.period(job.period) in text


@pytest.mark.parametrize("layout", LAYOUTS, ids=LAYOUT_NAMES)
def test_rendering_is_deterministic(layout: Layout, facts: ResumeFacts) -> None:
    assert layout.render(facts) == layout.render(facts)


def test_the_gold_dates_follow_the_layout_precision(facts: ResumeFacts) -> None:
    plain = expected(facts, layout_named("plain"), "x").gold
    markdown = expected(facts, layout_named("markdown"), "x").gold
    assert [job.start for job in plain.work] == ["2021", "2017"]
    assert [job.start for job in markdown.work] == ["2021-03", "2017-09"]
    assert plain.work[0].current
    assert plain.work[0].end is None


def test_linkedin_gold_holds_only_the_top_skills(facts: ResumeFacts) -> None:
    gold = expected(facts, layout_named("linkedin"), "x").gold
    assert gold.skills == [*facts.all_skills()[:3], *facts.languages]


def test_linkedin_puts_the_contact_sidebar_before_the_name(facts: ResumeFacts) -> None:
    lines = layout_named("linkedin").render(facts).splitlines()
    assert lines[0] == "Contact"
    assert lines.index(facts.person.email or "") < lines.index(facts.person.name or "")
    assert any("(" in line and "year" in line for line in lines)


def test_pdf_lines_are_hard_wrapped_with_dates_at_the_margin(facts: ResumeFacts) -> None:
    lines = layout_named("pdf").render(facts).splitlines()
    assert max(len(line) for line in lines) <= PDF_WIDTH
    assert any(line.endswith("03/2021 - Present") and len(line) == PDF_WIDTH for line in lines)
    assert any(line.strip() == "Page 1 of 1" for line in lines)
    highlight_lines = [line for line in lines if line.startswith("    ")]
    assert highlight_lines, "the long highlight should wrap onto an indented line"


def test_oneline_is_the_pdf_text_with_each_break_as_two_spaces(facts: ResumeFacts) -> None:
    pdf = layout_named("pdf").render(facts)
    oneline = layout_named("oneline").render(facts)
    assert oneline.count("\n") == 1 and oneline.endswith("\n")
    assert oneline.rstrip("\n") == pdf.rstrip("\n").replace("\n", "  ")


def test_oneline_is_scored_against_the_pdf_gold(facts: ResumeFacts) -> None:
    pdf, oneline = layout_named("pdf"), layout_named("oneline")
    assert expected(facts, oneline, "x") == expected(facts, pdf, "x")


def test_oneline_is_neither_pooled_nor_trained_on() -> None:
    assert "oneline" in LAYOUT_NAMES
    assert "oneline" not in {layout.name for layout in POOLED_LAYOUTS}
    assert {layout.name for layout in POOLED_LAYOUTS} == set(LAYOUT_NAMES) - {"oneline"}


def test_long_pdf_renderings_have_page_furniture_between_lines() -> None:
    jobs = [
        Job(organization=f"Org {n}", role="Analyst", highlights=["Did a thing"] * 6)
        for n in range(12)
    ]
    facts = ResumeFacts(id="long", person=Person(name="Pat Long"), jobs=jobs)
    text = layout_named("pdf").render(facts)
    assert "Page 2 of" in text
    assert "Pat Long – Curriculum Vitae" in text


@given(
    st.lists(
        st.builds(
            Job,
            organization=st.from_regex(r"[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9}){0,3}", fullmatch=True),
            role=st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){0,3}", fullmatch=True),
            period=st.builds(Period, start=months, end=months),
            highlights=st.lists(st.from_regex(r"[A-Za-z ]{5,150}", fullmatch=True), max_size=3),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_generated_jobs_appear_in_every_layout(jobs: list[Job]) -> None:
    facts = ResumeFacts(id="generated", person=Person(name="Gen Person"), jobs=jobs)
    for layout in LAYOUTS:
        text = " ".join(layout.render(facts).split())
        for job in jobs:
            assert job.organization is not None and job.organization in text
            assert job.role is not None and job.role in text


def test_the_light_layout_name_list_matches_the_renderers() -> None:
    from resume_etl.evaluation.real.layout_names import LAYOUT_NAMES as LIGHT_NAMES  # noqa: PLC0415
    from resume_etl.evaluation.real.render import LAYOUTS  # noqa: PLC0415

    assert tuple(layout.name for layout in LAYOUTS) == LIGHT_NAMES


def test_markdown_sets_its_periods_off_in_the_style_s_emphasis() -> None:
    job = Job(
        organization="Harbour Ledger",
        role="Engineer",
        period=Period(start=Month(year=2021, month=3)),
    )
    facts = ResumeFacts(id="invented", person=Person(name="Mira Quell"), jobs=[job])
    markdown = layout_named("markdown")
    assert "*Mar 2021*" in markdown.render(facts)
    underscored = DateStyle("short", emphasis=("(_", "_)"))
    assert "(_Mar 2021_)" in Layout("md", ".md", underscored, markdown.write).render(facts)


def test_a_website_school_may_set_its_period_under_its_degree() -> None:
    school = School(
        institution="University of Tarn", degree="BSc", period=Period(start=Month(year=2019))
    )
    facts = ResumeFacts(id="invented", person=Person(name="Mira Quell"), schools=[school])
    website = layout_named("website")
    last = website.render(facts).split("Education\n\n", 1)[1].splitlines()[:3]
    assert last == ["BSc", "University of Tarn", "2019"]
    second = DateStyle("iso", period_second=True)
    moved = Layout("site", ".txt", second, website.write).render(facts)
    assert moved.split("Education\n\n", 1)[1].splitlines()[:3] == [
        "BSc",
        "2019",
        "University of Tarn",
    ]
