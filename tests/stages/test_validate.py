from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from resume_etl.config import DateSettings
from resume_etl.dates import DateParser, DateRangeMatch, PartialDate
from resume_etl.errors import ErrorCode
from resume_etl.records import (
    CharSpan,
    DocumentRecord,
    EducationRecord,
    ExperienceRecord,
    MetricRecord,
)
from resume_etl.stages.extract import Extracted, ExtractedDocument, Normalized
from resume_etl.stages.validate import (
    SpanMismatchError,
    date_fields,
    record_of,
    records_together,
    span_of,
    validate,
)
from resume_etl.vocab import (
    DatePrecision,
    MetricDirection,
    MetricQualifier,
    MetricUnit,
    Stage,
)

Extract = Callable[[str], ExtractedDocument]

TODAY = dt.date(2022, 12, 15)
_PARSER = DateParser(DateSettings(reference_date=TODAY))
RESUME = (
    "Jane Roe\njane.roe@example.org\n\nExperience\n"
    "Data Analyst | Northwind Bank | Jan 2020 - Present\n"
    "- Cut report time by 30%\n\nEducation\nState University\nB.Sc. Statistics\nGPA: 3.6 / 4.0\n"
)


def test_every_candidate_becomes_a_row_of_its_table(extract_text: Extract) -> None:
    validated = validate(extract_text(RESUME), TODAY)
    assert validated.quarantine == []
    assert {"documents", "profiles", "sections", "experiences", "education", "contacts"} <= set(
        validated.rows
    )
    assert all(row.doc_id == validated.doc_id for rows in validated.rows.values() for row in rows)  # type: ignore[attr-defined]


def test_a_record_breaking_a_rule_is_quarantined_and_the_rest_kept(extract_text: Extract) -> None:
    extracted = extract_text(RESUME)
    school = extracted.education[0]
    assert school.gpa is not None
    broken = school.with_values(gpa=Normalized(5.2, school.gpa.found), gpa_scale=4.0)
    validated = validate(replace(extracted, education=(broken,)), TODAY)
    assert "education" not in validated.rows
    assert "experiences" in validated.rows
    (rejected,) = validated.quarantine
    assert rejected.stage is Stage.VALIDATE
    assert rejected.error_code is ErrorCode.E030_INVALID_RECORD
    assert rejected.record_type == "education"
    assert "above its scale" in rejected.reason


FULL = (
    "Jane Roe\njane.roe@example.org | +44 20 7946 0958 | https://github.com/janeroe\n\n"
    "Summary\nAnalyst who grew revenue by 40%.\n\nExperience\n"
    "Data Analyst | Northwind Bank | Jan 2020 - Present\n- Cut report time by 30%\n"
    "- Served 10,000+ users across 12 teams\n"
    "Intern | Acme | Jun 2018 - Dec 2019\n- Grew sign-ups from 5% to 9%\n\n"
    "Projects\nLedger Lens | 2021\n- Built in Python and SQL\n\n"
    "Education\nState University\nB.Sc. Statistics, 2018\nGPA: 3.6 / 4.0\n\n"
    "Skills\nPython, SQL, Tableau\n"
)


def test_records_built_together_are_the_records_built_one_by_one(extract_text: Extract) -> None:
    """The list validated in one call holds what ``record_of`` builds for each draft."""
    extracted = extract_text(FULL)
    text, doc_id = extracted.segmented.document.text, extracted.segmented.document.doc_id
    models = set()
    for model, run in itertools.groupby(extracted.drafts(), key=lambda draft: draft.model):
        drafts = list(run)
        models.add(model)
        alone = [record_of(draft, doc_id, text, TODAY) for draft in drafts]
        assert records_together(drafts, doc_id, text, TODAY) == alone
        assert [record.model_dump() for record in alone] == [
            record.model_dump() for record in records_together(drafts, doc_id, text, TODAY) or []
        ]
    assert len(models) >= 6  # sections, experiences, education, skills, metrics, contacts, ...


def test_one_broken_draft_makes_its_run_built_one_by_one(extract_text: Extract) -> None:
    """A metric whose span does not match its text: the list is refused as a whole, and each
    draft is then built alone, so the broken one is quarantined and the others load."""
    extracted = extract_text(FULL)
    metrics = extracted.metrics
    assert len(metrics) >= 3
    found = metrics[1].found("text")
    assert found is not None
    broken = metrics[1].with_values(text=Extracted("no such text", found.start, found.end))
    changed = replace(extracted, metrics=(metrics[0], broken, *metrics[2:]))
    document = extracted.segmented.document
    assert records_together(changed.metrics, document.doc_id, document.text, TODAY) is None
    validated = validate(changed, TODAY)
    assert len(validated.rows["metrics"]) == len(metrics) - 1
    (rejected,) = validated.quarantine
    assert rejected.record_type == "metrics"
    assert "no such text" in rejected.reason


def test_a_span_that_does_not_match_its_value_is_rejected() -> None:
    with pytest.raises(SpanMismatchError):
        span_of(Extracted("Acme", 0, 4), "Beta Corp")
    assert span_of(Extracted("Acme", 4, 8), "at: Acme") == CharSpan(start=4, end=8)


def test_end_before_start_is_kept_with_an_issue_flag() -> None:
    dates = DateRangeMatch(
        start=PartialDate(dt.date(2022, 1, 1), DatePrecision.MONTH),
        end=PartialDate(dt.date(2020, 1, 1), DatePrecision.MONTH),
        is_current=False,
        start_char=0,
        end_char=19,
        text="Jan 2022 - Jan 2020",
    )
    fields = date_fields(dates, "Jan 2022 - Jan 2020", TODAY)
    assert fields["date_issue"] == "end_before_start"
    assert fields["end_date"] == dt.date(2020, 1, 1)


def test_an_end_stated_as_a_year_covers_the_whole_year() -> None:
    (dates,) = _PARSER.find_ranges("Mar 2021 - 2021")
    fields = date_fields(dates, "Mar 2021 - 2021", TODAY)
    assert fields["date_issue"] is None
    assert fields["duration_months"] == 10


def test_current_entry_has_no_end_date() -> None:
    dates = DateRangeMatch(
        start=PartialDate(dt.date(2022, 1, 1), DatePrecision.MONTH),
        end=None,
        is_current=True,
        start_char=0,
        end_char=18,
        text="Jan 2022 - Present",
    )
    fields = date_fields(dates, "Jan 2022 - Present", TODAY)
    assert fields["is_current"] is True
    assert fields["end_date"] is None
    assert fields["duration_months"] == 12  # Jan 2022 .. Dec 2022, the reference month


def test_total_experience_counts_concurrent_jobs_once(extract_text: Extract) -> None:
    text = (
        "Experience\nAnalyst | Acme | Jan 2020 - Dec 2020\n\n"
        "Tutor | Night School | Jun 2020 - Mar 2021\n\nClerk | Shop | 2018\n"
    )
    validated = validate(extract_text(text), TODAY)
    (profile,) = validated.rows["profiles"]
    durations = sorted(row.duration_months for row in validated.rows["experiences"])
    assert durations == [10, 12, 12]
    assert profile.total_experience_months == 15 + 12  # Jan 2020..Mar 2021, plus all of 2018


def test_models_refuse_unknown_fields_and_inverted_spans() -> None:
    with pytest.raises(ValidationError, match="extra"):
        DocumentRecord.model_validate({"doc_id": "x", "colour": "red"})
    with pytest.raises(ValidationError, match="before it starts"):
        CharSpan(start=5, end=2)


def test_precision_must_accompany_a_date() -> None:
    with pytest.raises(ValidationError, match="start_precision"):
        ExperienceRecord(
            doc_id="d",
            entry_id="e",
            section_id="s",
            position=0,
            span=CharSpan(start=0, end=1),
            confidence=1.0,
            start_date=dt.date(2020, 1, 1),
        )


def test_gpa_above_scale_is_refused_in_words() -> None:
    with pytest.raises(ValidationError, match=r"GPA 4\.5 is above its scale 4\.0"):
        EducationRecord(
            doc_id="d",
            entry_id="e",
            section_id="s",
            position=0,
            span=CharSpan(start=0, end=1),
            confidence=1.0,
            gpa=4.5,
            gpa_scale=4.0,
        )


def test_metrics_point_at_the_experience_or_project_they_are_in(extract_text: Extract) -> None:
    text = (
        "Jane Roe\n\nSummary\nAnalyst who grew revenue by 40%.\n\n"
        "Experience\nData Analyst | Northwind Bank | Jan 2020 - Present\n"
        "- Cut report time by 30%\n\n"
        "Projects\nLedger Lens | 2021\n- Served 10,000+ users\n"
    )
    validated = validate(extract_text(text), TODAY)
    owners = {entry.entry_id: entry for entry in validated.rows["experiences"]}
    owners |= {entry.entry_id: entry for entry in validated.rows["projects"]}
    by_text = {metric.text: metric for metric in validated.rows["metrics"]}  # type: ignore[attr-defined]
    assert by_text["40%"].entry_id is None  # the summary belongs to no entry
    for metric_text, table in (("30%", "experiences"), ("10,000+", "projects")):
        owner = owners[by_text[metric_text].entry_id]
        assert owner in validated.rows[table]
        assert owner.span.start <= by_text[metric_text].span.start < owner.span.end  # type: ignore[attr-defined]


def test_a_metric_row_carries_value_unit_qualifier_direction_subject_and_sentence(
    extract_text: Extract,
) -> None:
    validated = validate(extract_text(RESUME), TODAY)
    (metric,) = validated.rows["metrics"]
    assert isinstance(metric, MetricRecord)
    assert (metric.value, metric.unit, metric.qualifier, metric.direction) == (
        30.0, MetricUnit.PERCENT, MetricQualifier.EXACT, MetricDirection.DECREASE,
    )  # fmt: skip
    assert metric.subject == "report time"
    assert metric.sentence == "Cut report time by 30%"
    text = validated.rows["documents"][0].text  # type: ignore[attr-defined]
    assert text[metric.span.start : metric.span.end] == "30%"
    assert text[metric.sentence_span.start : metric.sentence_span.end] == metric.sentence


@settings(max_examples=150, deadline=None)
@given(
    st.integers(0, 19),
    st.integers(1900, 2099),
    st.one_of(st.just("Present"), st.tuples(st.integers(0, 19), st.integers(1900, 2099))),
)
def test_odd_dates_become_valid_rows_with_an_issue_never_an_error(
    month: int, year: int, end: str | tuple[int, int]
) -> None:
    """Month 0 or 13, an end before the start, a start far in the future: kept and flagged."""
    end_text = end if isinstance(end, str) else f"{end[0]:02d}/{end[1]}"
    text = f"{month:02d}/{year} - {end_text}"
    for dates in _PARSER.find_ranges(text):
        fields = date_fields(dates, text, TODAY)
        record = ExperienceRecord(
            doc_id="d",
            entry_id="e",
            section_id="s",
            position=0,
            span=CharSpan(start=0, end=len(text)),
            confidence=1.0,
            **fields,  # type: ignore[arg-type]
        )
        start, stop = record.start_date, record.end_date
        if start is not None and stop is not None and stop < start:
            assert record.date_issue is not None
        if start is not None and start > dt.date(TODAY.year + 1, 12, 31):
            assert record.date_issue is not None
