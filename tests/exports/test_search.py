from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_etl.exports.jsonresume import export_json_resume
from resume_etl.exports.profiles import read_profiles
from resume_etl.exports.redact import Redactor
from resume_etl.exports.search import (
    INDEX_MAPPING,
    DateRange,
    SearchDocument,
    date_range,
    export_search_feed,
    last_day_of_period,
)
from resume_etl.records import DatedEntry
from resume_etl.vocab import DatePrecision
from tests.conftest import REPO

MARKDOWN_PROFILE = "002_91b2c9230d4b7ab5.txt"


@pytest.fixture(scope="module")
def feed_lines(raw_tables_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("search") / "feed.ndjson"
    export_search_feed(raw_tables_dir, out, index="people")
    return out.read_text("utf-8").splitlines()


def _documents(lines: list[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in lines[1::2]]


def test_feed_pairs_a_bulk_action_line_with_each_profile(
    feed_lines: list[str], raw_tables_dir: Path
) -> None:
    profiles = read_profiles(raw_tables_dir)
    keys = [profile.person_key for profile in profiles]
    actions = [json.loads(line) for line in feed_lines[0::2]]
    assert actions == [{"index": {"_index": "people", "_id": key}} for key in keys]
    documents = _documents(feed_lines)
    assert [document["doc_id"] for document in documents] == [p.doc_id for p in profiles]
    assert [document["person_key"] for document in documents] == keys


def test_every_feed_document_parses_back_into_the_model(feed_lines: list[str]) -> None:
    for document in _documents(feed_lines):
        SearchDocument.model_validate(document)


def test_current_job_date_range_is_open_ended(feed_lines: list[str], raw_tables_dir: Path) -> None:
    doc_id = next(
        profile.doc_id
        for profile in read_profiles(raw_tables_dir)
        if profile.document.source_path.endswith(MARKDOWN_PROFILE)
    )
    document = next(doc for doc in _documents(feed_lines) if doc["doc_id"] == doc_id)
    experience = document["experience"]
    assert isinstance(experience, list)
    assert experience[0]["dates"] == {"gte": "2025-02-01"}
    assert experience[1]["dates"] == {"gte": "2024-07-01", "lte": "2025-01-31"}


def test_a_school_with_only_its_graduation_date_covers_that_period() -> None:
    graduated = DatedEntry(
        doc_id="d", end_date=dt.date(2015, 6, 1), end_precision=DatePrecision.MONTH
    )
    assert date_range(graduated) == DateRange(gte="2015-06-01", lte="2015-06-30")


def test_an_entry_with_no_date_has_no_range() -> None:
    assert date_range(DatedEntry(doc_id="d")) is None


@pytest.mark.parametrize(
    ("first_day", "precision", "last_day"),
    [
        (dt.date(2024, 2, 1), DatePrecision.MONTH, dt.date(2024, 2, 29)),
        (dt.date(2019, 1, 1), DatePrecision.YEAR, dt.date(2019, 12, 31)),
        (dt.date(2021, 6, 1), DatePrecision.SEASON, dt.date(2021, 8, 31)),
        (dt.date(2021, 12, 1), DatePrecision.SEASON, dt.date(2022, 2, 28)),
        (dt.date(2021, 6, 14), DatePrecision.DAY, dt.date(2021, 6, 14)),
    ],
)
def test_last_day_of_period_covers_the_whole_stated_period(
    first_day: dt.date, precision: DatePrecision, last_day: dt.date
) -> None:
    assert last_day_of_period(first_day, precision) == last_day


def _mapped_paths(properties: dict[str, object], prefix: str = "") -> set[str]:
    paths = set()
    for name, spec in properties.items():
        paths.add(prefix + name)
        if isinstance(spec, dict) and "properties" in spec:
            paths |= _mapped_paths(spec["properties"], f"{prefix}{name}.")
    return paths


def test_index_mapping_maps_every_field_of_every_document(feed_lines: list[str]) -> None:
    mapped = _mapped_paths(INDEX_MAPPING["mappings"]["properties"])
    for document in _documents(feed_lines):
        for name, value in document.items():
            assert name in mapped
            items = value if isinstance(value, list) else [value]
            for item in items:
                if isinstance(item, dict) and name not in {"experience_dates", "education_dates"}:
                    assert {f"{name}.{key}" for key in item} <= mapped, name


def test_docs_show_the_index_mapping_the_code_suggests() -> None:
    text = (REPO / "docs" / "search.md").read_text("utf-8")
    block = re.search(r"```json\n(\{\n  \"mappings\".*?)\n```", text, re.DOTALL)
    assert block is not None
    assert json.loads(block.group(1)) == INDEX_MAPPING


def test_redacted_feed_holds_no_contact_value(raw_tables_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "feed.ndjson"
    export_search_feed(raw_tables_dir, out, redactor=Redactor("test-salt"))
    feed = out.read_text("utf-8")
    for profile in read_profiles(raw_tables_dir):
        for contact in profile.contacts:
            assert contact.value not in feed
            assert contact.normalized not in feed


def test_redacted_email_tokens_join_across_exports(raw_tables_dir: Path, tmp_path: Path) -> None:
    redactor = Redactor("test-salt")
    export_search_feed(raw_tables_dir, tmp_path / "feed.ndjson", redactor=redactor)
    resumes = export_json_resume(raw_tables_dir, tmp_path / "resumes", redactor)
    feed_emails = {
        document["person_key"]: document["emails"]
        for document in _documents((tmp_path / "feed.ndjson").read_text("utf-8").splitlines())
    }
    joined = 0
    for path in resumes:
        email = json.loads(path.read_text("utf-8"))["basics"].get("email")
        if email:
            assert email in feed_emails[path.parent.name]
            joined += 1
    assert joined > 0


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 1)),
    st.sampled_from(DatePrecision),
)
def test_period_never_ends_before_it_starts(first_day: dt.date, precision: DatePrecision) -> None:
    assert last_day_of_period(first_day, precision) >= first_day
