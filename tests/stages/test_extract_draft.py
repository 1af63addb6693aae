"""Drafts are derived from the record models: a field added to a model needs no other edit."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import Field

from resume_etl.dates import DateRangeMatch, PartialDate
from resume_etl.records import TABLE_MODELS, CharSpan, DatedEntry, ExperienceRecord, Record
from resume_etl.stages.extract import DATES, Draft, Extracted, Kind
from resume_etl.stages.extract._draft import (
    ExperienceCandidate,
    LinkCandidate,
    MetricCandidate,
    PublicationCandidate,
    SectionCandidate,
    _check_kind,
    draft_fields,
)
from resume_etl.stages.validate import SpanMismatchError, record_of
from resume_etl.vocab import DatePrecision

TODAY = dt.date(2022, 12, 15)
TEXT = "Platform team | Acme | Jan 2020 - Mar 2021"


class TeamExperience(ExperienceRecord):
    """An experience with two fields more: the one edit a new field takes in its model."""

    team: str | None = Field(default=None, description="The team, as written.")
    team_span: CharSpan | None = Field(default=None, description="Where team is.")
    team_size: int | None = Field(default=None, ge=1, description="People in the team.")


class TeamDraft(Draft[TeamExperience]):
    """Its draft type: named, never declared field by field."""


def _dates() -> DateRangeMatch:
    start = TEXT.index("Jan")
    return DateRangeMatch(
        start=PartialDate(dt.date(2020, 1, 1), DatePrecision.MONTH),
        end=PartialDate(dt.date(2021, 3, 1), DatePrecision.MONTH),
        is_current=False,
        start_char=start,
        end_char=len(TEXT),
        text=TEXT[start:],
    )


def _team_draft(team: Extracted) -> TeamDraft:
    return TeamDraft(
        entry_id="d:e0",
        section_id="d:s0",
        position=0,
        span=(0, len(TEXT)),
        organization=Extracted("Acme", 16, 20, 0.9),
        team=team,
        team_size=4,
        dates=_dates(),
        bullets=("Ran the build",),
        confidence=0.9,
    )


def test_a_field_added_to_a_model_is_validated_with_its_span_and_the_shared_columns() -> None:
    record = record_of(_team_draft(Extracted("Platform team", 0, 13)), "d", TEXT, TODAY)
    assert isinstance(record, TeamExperience)
    assert (record.team, record.team_span, record.team_size) == (
        "Platform team",
        CharSpan(start=0, end=13),
        4,
    )
    assert (record.organization, record.organization_span) == ("Acme", CharSpan(start=16, end=20))
    assert (record.start_date, record.end_date, record.duration_months) == (
        dt.date(2020, 1, 1),
        dt.date(2021, 3, 1),
        15,
    )
    assert record.span == CharSpan(start=0, end=len(TEXT))
    assert record.bullets == ["Ran the build"]


def test_a_new_fields_span_is_checked_against_the_text() -> None:
    with pytest.raises(SpanMismatchError):
        record_of(_team_draft(Extracted("Data team", 0, 13)), "d", TEXT, TODAY)


def test_a_draft_refuses_a_field_its_model_lacks() -> None:
    with pytest.raises(TypeError, match="no draft field team"):
        ExperienceCandidate(team=Extracted("Platform team", 0, 13))


def test_a_found_field_refuses_a_value_without_its_place() -> None:
    with pytest.raises(TypeError, match="role takes found"):
        ExperienceCandidate(role="Engineer")


def test_of_several_wrong_values_the_first_given_is_named() -> None:
    """Only the fields whose kind takes some types are checked, and a refusal then names the
    first wrong value in the order given, as a check of every value in that order did."""
    with pytest.raises(TypeError, match="organization takes found"):
        ExperienceCandidate(position=0, organization="Acme", role="Engineer")
    with pytest.raises(TypeError, match="role takes found"):
        ExperienceCandidate(role="Engineer", position=0, organization="Acme")


def test_a_draft_reads_back_and_survives_pickling() -> None:
    draft = _team_draft(Extracted("Platform team", 0, 13))
    assert draft.found("team") == Extracted("Platform team", 0, 13)
    assert draft.get(DATES, DateRangeMatch) == _dates()
    assert draft.extent() == (0, len(TEXT))
    assert draft.role is None
    assert pickle.loads(pickle.dumps(draft)) == draft


@pytest.mark.parametrize(
    "model",
    [m for m in TABLE_MODELS.values() if issubclass(m, Record) and m.__name__ != "DocumentRecord"],
)
def test_every_column_of_a_table_is_written_from_its_draft(model: type[Record]) -> None:
    """Each column is a draft field, or written by one (a span, a confidence, the dates), or
    the document's id: nothing is left for validate to copy by hand."""
    fields = draft_fields(model)
    written = {"doc_id"} | set(fields) - {DATES}
    for spec in fields.values():
        written |= {column for column in (spec.span, spec.confidence) if column}
        if spec.kind is Kind.DATES:
            written |= set(DatedEntry.model_fields)
    assert written == set(model.model_fields)


_ANY_VALUE = st.one_of(
    st.none(),
    st.text(max_size=5),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.builds(Extracted, st.text(max_size=5), st.integers(0, 9), st.integers(0, 9)),
    st.just(_dates()),
    st.tuples(st.integers(0, 9), st.integers(0, 9)),
    st.tuples(st.text(max_size=3)),
)
_DRAFT_TYPES = (
    ExperienceCandidate,
    TeamDraft,
    LinkCandidate,
    MetricCandidate,
    PublicationCandidate,
    SectionCandidate,
)


@given(
    draft_type=st.sampled_from(_DRAFT_TYPES),
    data=st.data(),
    value=_ANY_VALUE,
)
def test_a_draft_accepts_a_value_exactly_when_its_fields_kind_takes_it(
    draft_type: type[Draft[Record]], data: st.DataObject, value: object
) -> None:
    """The check by types looked up once per class refuses what ``_check_kind`` refuses, with
    its message, and takes the rest."""
    name = data.draw(st.sampled_from(sorted(draft_type.fields)))
    expected = _refusal(draft_type, name, value)
    if expected is None:
        assert draft_type(**{name: value}).values == {name: value}  # type: ignore[arg-type]
    else:
        with pytest.raises(TypeError) as refused:
            draft_type(**{name: value})  # type: ignore[arg-type]
        assert str(refused.value) == expected


def _refusal(draft_type: type[Draft[Record]], name: str, value: object) -> str | None:
    """What ``_check_kind`` says of the value, or None when it takes it."""
    try:
        _check_kind(draft_type.model, name, draft_type.fields[name].kind, value)  # type: ignore[arg-type]
    except TypeError as error:
        return str(error)
    return None
