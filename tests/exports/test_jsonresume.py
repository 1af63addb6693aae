from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.exports import jsonresume
from resume_etl.exports.jsonresume import (
    RESUME_FILE_NAME,
    InvalidExportError,
    export_json_resume,
    to_json_resume,
    validation_errors,
)
from resume_etl.exports.jsonresume_schema import partial_iso_date
from resume_etl.exports.profiles import ProfileRecords, read_profiles
from resume_etl.exports.redact import Redactor
from resume_etl.records import CharSpan, ExperienceRecord, ProfileRecord, SkillRecord
from resume_etl.vocab import DatePrecision, SkillSource
from tests.conftest import RAW, make_document

MARKDOWN_PROFILE = "002_91b2c9230d4b7ab5.txt"


@pytest.fixture(scope="module")
def exported(raw_tables_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return export_json_resume(raw_tables_dir, tmp_path_factory.mktemp("jsonresume"))


def _resume_of(exported: list[Path], source_name: str, raw_tables_dir: Path) -> dict[str, object]:
    person_key = next(
        profile.person_key
        for profile in read_profiles(raw_tables_dir)
        if profile.document.source_path.endswith(source_name)
    )
    (path,) = [path for path in exported if path.parent.name == person_key]
    resume: dict[str, object] = json.loads(path.read_text("utf-8"))
    return resume


def test_every_raw_document_exports_one_resume_file(exported: list[Path]) -> None:
    parsed = [path for path in RAW.iterdir() if path.is_file()]
    assert len(exported) == len(parsed)
    assert all(path.name == RESUME_FILE_NAME for path in exported)


def test_every_exported_file_is_valid_json_resume(exported: list[Path]) -> None:
    for path in exported:
        assert validation_errors(json.loads(path.read_text("utf-8"))) == [], path


def test_month_precision_dates_are_written_without_a_day(
    exported: list[Path], raw_tables_dir: Path
) -> None:
    work = _resume_of(exported, MARKDOWN_PROFILE, raw_tables_dir)["work"]
    assert isinstance(work, list)
    assert work[0]["startDate"] == "2025-02"
    assert "endDate" not in work[0]  # the job is current


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        (DatePrecision.DAY, "2019-03-14"),
        (DatePrecision.MONTH, "2019-03"),
        (DatePrecision.SEASON, "2019"),
        (DatePrecision.YEAR, "2019"),
    ],
)
def test_partial_iso_date_keeps_only_the_stated_precision(
    precision: DatePrecision, expected: str
) -> None:
    assert partial_iso_date(dt.date(2019, 3, 14), precision) == expected


def test_schema_rejects_a_date_not_in_iso_form() -> None:
    errors = validation_errors({"work": [{"startDate": "March 2019"}]})
    assert errors and errors[0].startswith("work/0/startDate")


def test_schema_checks_email_format() -> None:
    assert validation_errors({"basics": {"email": "not an email"}})


def test_redacted_export_has_no_email_or_phone_of_the_tables(
    raw_tables_dir: Path, tmp_path: Path
) -> None:
    written = export_json_resume(raw_tables_dir, tmp_path, Redactor("test-salt"))
    exported_text = "\n".join(path.read_text("utf-8") for path in written)
    contacts = [
        contact for profile in read_profiles(raw_tables_dir) for contact in profile.contacts
    ]
    assert contacts
    for contact in contacts:
        assert contact.value not in exported_text
        assert contact.normalized not in exported_text


def test_redacted_files_are_still_valid_json_resume(raw_tables_dir: Path, tmp_path: Path) -> None:
    for path in export_json_resume(raw_tables_dir, tmp_path, Redactor("test-salt")):
        assert validation_errors(json.loads(path.read_text("utf-8"))) == [], path


def test_profile_without_records_exports_only_basics_and_meta() -> None:
    document = make_document("Nothing to see here.")
    profile = ProfileRecords(document=document, profile=ProfileRecord(doc_id=document.doc_id))
    assert set(to_json_resume(profile).to_json_dict()) == {"basics", "meta"}


def test_work_entry_keeps_bullets_as_highlights() -> None:
    document = make_document("Acme\n- Shipped it")
    job = ExperienceRecord(
        doc_id=document.doc_id,
        entry_id="e1",
        section_id="s1",
        position=0,
        organization="Acme",
        bullets=["Shipped it"],
        span=CharSpan(start=0, end=len(document.text)),
        confidence=0.9,
    )
    profile = ProfileRecords(
        document=document, profile=ProfileRecord(doc_id=document.doc_id), experiences=[job]
    )
    work = to_json_resume(profile).to_json_dict()["work"]
    assert work == [{"name": "Acme", "highlights": ["Shipped it"]}]


def test_redaction_scrubs_a_street_address_from_free_text() -> None:
    document = make_document("Jane Roe\n221B Baker Street, London")
    person = ProfileRecord(
        doc_id=document.doc_id,
        summary="Based at 221B Baker Street.",
        location="221B Baker Street, London",
    )
    profile = ProfileRecords(document=document, profile=person)
    basics = to_json_resume(profile, Redactor("salt")).to_json_dict()["basics"]
    assert "Baker" not in json.dumps(basics)
    assert basics["location"]["region"] == "London"


def _skill(name: str, source: SkillSource, group: str | None, category: str | None) -> SkillRecord:
    return SkillRecord(
        doc_id="d1",
        skill_id=name,
        name=name,
        group=group,
        category=category,
        source=source,
        in_lexicon=True,
        mention_count=1,
        spans=[CharSpan(start=0, end=1)],
    )


def test_listed_skill_groups_come_before_mentioned_ones() -> None:
    document = make_document("skills")
    skills = [
        _skill("Git", SkillSource.MENTION, None, "version_control"),
        _skill("Python", SkillSource.SKILLS_SECTION, "Languages", "programming_language"),
        _skill("Go", SkillSource.SKILLS_SECTION, None, "programming_language"),
    ]
    profile = ProfileRecords(
        document=document, profile=ProfileRecord(doc_id=document.doc_id), skills=skills
    )
    assert to_json_resume(profile).to_json_dict()["skills"] == [
        {"name": "Languages", "keywords": ["Python"]},
        {"name": "Skills", "keywords": ["Go"]},
        {"name": "Version control", "keywords": ["Git"]},
    ]


def test_export_writes_nothing_when_any_resume_breaks_the_schema(
    raw_tables_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    last_doc_id = read_profiles(raw_tables_dir)[-1].doc_id

    def fails_for_one(document: dict[str, object]) -> list[str]:
        meta = document["meta"]
        return ["broken"] if isinstance(meta, dict) and meta["docId"] == last_doc_id else []

    monkeypatch.setattr(jsonresume, "validation_errors", fails_for_one)
    with pytest.raises(InvalidExportError, match=last_doc_id):
        export_json_resume(raw_tables_dir, tmp_path)
    assert list(tmp_path.iterdir()) == []


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)),
    st.sampled_from(DatePrecision),
)
def test_partial_iso_date_always_fits_the_schemas_date_pattern(
    date: dt.date, precision: DatePrecision
) -> None:
    written = partial_iso_date(date, precision)
    assert written is not None
    assert validation_errors({"work": [{"startDate": written}]}) == []
