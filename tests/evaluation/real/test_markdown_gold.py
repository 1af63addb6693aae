"""The markdown set's gold by ranges: values read from the text, a changed file refused, the
scorer counting only what the gold states. All texts here are invented."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.evaluation.gold import GoldDocument, GoldEducation, GoldWork
from resume_etl.evaluation.predicted import Predicted
from resume_etl.evaluation.real.markdown import GOLD_FIELDS, input_for, score_document
from resume_etl.evaluation.real.markdown_gold import (
    GOLD_DIR,
    MarkdownGold,
    check_pinned,
    gold_document,
    load_markdown_gold,
)
from resume_etl.evaluation.real.report import Tally
from resume_etl.evaluation.real.runner import DocumentRows
from tests.evaluation.real.author_markdown_gold import ranges

TEXT = (
    "Experience\n----------\n\n"
    "2019--now\n:   Data Wrangler at [Fenwick](http://f.example) and [Moss Labs](http://m.example)\n\n"
    "Mar 2015 -- Jun 2018\n:   **Field\n    Technician**, Orchard Survey Trust\n\n"
    "Education\n---------\n\n2014\n:   MSc, Ecology; University of Tarn\n"
)


def _at(quoted: str, start: int = 0) -> list[int]:
    found = TEXT.index(quoted, start)
    return [found, found + len(quoted)]


def _gold(**fields: object) -> MarkdownGold:
    record = {"file": "invented.md", "sha256": "0" * 64} | fields
    return MarkdownGold.model_validate(record)


def test_values_are_read_from_the_ranges_of_the_text() -> None:
    gold = _gold(
        work=[
            {
                "organization": [_at("Fenwick"), _at("and"), _at("Moss Labs")],
                "role": [_at("Data Wrangler")],
                "start": {"at": _at("2019"), "value": "2019"},
                "end": {"at": _at("now"), "value": None},
                "current": True,
            },
            {
                "organization": [_at("Orchard Survey Trust")],
                "role": [_at("Field\n    Technician")],
                "start": {"at": _at("Mar 2015"), "value": "2015-03"},
                "end": {"at": _at("Jun 2018"), "value": "2018-06"},
            },
        ],
        education=[
            {
                "institution": [_at("University of Tarn")],
                "degree": [_at("MSc")],
                "end": {"at": _at("2014"), "value": "2014"},
            }
        ],
    )
    record = gold_document(gold, TEXT, "invented.md")
    assert record.work == [
        GoldWork(
            organization="Fenwick and Moss Labs", role="Data Wrangler", start="2019", current=True
        ),
        GoldWork(
            organization="Orchard Survey Trust",
            role="Field Technician",  # the wrap is one space
            start="2015-03",
            end="2018-06",
        ),
    ]
    assert record.education == [
        GoldEducation(institution="University of Tarn", degree="MSc", end="2014")
    ]


def test_a_range_outside_the_text_is_an_error_naming_it() -> None:
    gold = _gold(work=[{"role": [[len(TEXT) - 2, len(TEXT) + 5]]}])
    with pytest.raises(ValueError, match=r"work\[0\]\.role.*outside the text"):
        gold_document(gold, TEXT, "invented.md")


def test_a_range_over_whitespace_only_is_an_error() -> None:
    blank = TEXT.index("\n\n")
    gold = _gold(education=[{"institution": [[blank, blank + 2]]}])
    with pytest.raises(ValueError, match="only whitespace"):
        gold_document(gold, TEXT, "invented.md")


def test_a_current_job_has_an_open_end_and_only_it() -> None:
    with pytest.raises(ValidationError, match="current"):
        _gold(work=[{"end": {"at": _at("now"), "value": None}}])
    with pytest.raises(ValidationError, match="current"):
        _gold(work=[{"end": {"at": _at("Jun 2018"), "value": "2018-06"}, "current": True}])
    blank_end = _gold(work=[{"start": {"at": _at("2019"), "value": "2019"}, "current": True}])
    assert gold_document(blank_end, TEXT, "invented.md").work[0].current  # "2019-"


def test_a_changed_file_is_refused_with_both_digests(tmp_path: Path) -> None:
    path = tmp_path / "invented.md"
    path.write_text(TEXT, encoding="utf-8")
    pinned = hashlib.sha256(TEXT.encode()).hexdigest()
    check_pinned(_gold(sha256=pinned), path)  # the same bytes pass
    path.write_text(TEXT.replace("Fenwick", "Fenwick & Co"), encoding="utf-8")
    with pytest.raises(ResumeEtlError) as raised:
        check_pinned(_gold(sha256=pinned), path)
    assert raised.value.code == ErrorCode.E109_GOLD_INPUT_CHANGED
    assert str(path) in raised.value.message
    assert pinned in raised.value.message
    assert hashlib.sha256(path.read_bytes()).hexdigest() in raised.value.message
    assert "write its gold again" in raised.value.hint


def test_gold_files_are_keyed_by_the_cv_they_name(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(_gold(file="a.md").model_dump_json(), encoding="utf-8")
    assert list(load_markdown_gold(tmp_path)) == ["a.md"]
    assert load_markdown_gold(tmp_path / "absent") == {}
    assert load_markdown_gold(None) == {}


def test_the_draft_helper_stores_what_it_quotes_as_ranges(tmp_path: Path) -> None:
    (tmp_path / "markdown").mkdir()
    (tmp_path / "markdown" / "invented.md").write_text(TEXT, encoding="utf-8")
    draft = {
        "file": "invented.md",
        "work": [
            {
                "at": "Mar 2015",
                "organization": "Orchard Survey Trust",
                "role": ["Field", "Technician"],
                "start": ["Mar 2015", "2015-03"],
                "end": ["Jun 2018", "2018-06"],
            }
        ],
        "education": [
            {"at": "2014\n", "institution": "University of Tarn", "end": ["2014", "2014"]}
        ],
    }
    (tmp_path / "draft.json").write_text(json.dumps(draft), encoding="utf-8")
    stored = ranges(tmp_path / "draft.json", tmp_path, tmp_path)
    gold = MarkdownGold.model_validate_json(stored.read_text(encoding="utf-8"))
    record = gold_document(gold, TEXT, "invented.md")
    assert record.work[0].role == "Field Technician"
    assert record.work[0].organization == "Orchard Survey Trust"
    assert record.education[0].end == "2014"
    assert gold.education[0].end is not None
    assert gold.education[0].end.at == tuple(_at("2014", TEXT.index("Education")))
    assert "Orchard" not in stored.read_text(encoding="utf-8")


def _rows(record: GoldDocument) -> DocumentRows:
    return DocumentRows(Predicted(record), "", {})


def test_a_cv_with_gold_is_scored_on_the_gold_fields_only() -> None:
    gold = GoldDocument(
        document="x.md",
        work=[GoldWork(organization="Orchard Survey Trust", role="Field Technician", start="2015")],
        education=[GoldEducation(institution="University of Tarn", degree="MSc")],
    )
    predicted = GoldDocument(
        document="x.md",
        emails=["someone@example.org"],  # the gold states no contacts: not scored
        work=[GoldWork(organization="Orchard Survey Trust", role="Field Technician", start="2015")],
        education=[GoldEducation(institution="University of Tarn", degree="MSc", field="Ecology")],
        skills=["Python"],
    )
    tally = Tally()
    score_document(_rows(predicted), tally, gold)
    assert set(tally.fields) <= GOLD_FIELDS
    assert tally.fields["work.organization"].true_positives == 1
    assert all(counts.errors == 0 for counts in tally.fields.values())
    assert (tally.jobs, tally.jobs_right, tally.documents) == (1, 1, 1)
    assert tally.coverage["with gold"] == 1


def test_a_cv_without_gold_counts_coverage_only() -> None:
    tally = Tally()
    score_document(None, tally)
    assert (tally.documents, tally.jobs, tally.fields) == (1, 0, {})
    assert tally.coverage["with gold"] == 0


def test_every_stored_gold_reads_its_unchanged_file(data_dir: Path) -> None:
    golds = load_markdown_gold(GOLD_DIR)
    assert golds, "no markdown gold in the source tree"
    for name, gold in golds.items():
        path = data_dir / "markdown" / name
        check_pinned(gold, path)
        record = gold_document(gold, input_for(path).text, name)
        assert record.work or record.education, name
