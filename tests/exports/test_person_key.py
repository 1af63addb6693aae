"""Exports follow the person, not the text: an edit replaces, a removal deletes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from resume_etl.config import IngestSettings, PipelineConfig
from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.exports.jsonresume import RESUME_FILE_NAME, export_json_resume
from resume_etl.exports.profiles import ProfileRecords, check_person_keys, read_profiles
from resume_etl.exports.search import export_search_feed
from resume_etl.records import ProfileRecord
from resume_etl.stages.ingest import person_key_for
from tests.conftest import RAW, make_document, run_folder

CORPUS = ("101_data_scientist_us.md", "109_lawyer_uk.txt")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in CORPUS:
        shutil.copy(RAW / name, folder / name)
    return folder


def _actions(feed: Path) -> list[dict[str, dict[str, str]]]:
    """The bulk action lines of a feed (``index`` and ``delete``), in order."""
    lines = [json.loads(line) for line in feed.read_text("utf-8").splitlines()]
    return [line for line in lines if set(line) <= {"index", "delete"}]


def _edit_one_line(path: Path) -> None:
    lines = path.read_text("utf-8").splitlines()
    lines[-1] = lines[-1] + " (edited)"
    path.write_text("\n".join(lines) + "\n", "utf-8")


def test_edited_document_keeps_its_site_folder_and_search_id(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    out, sites, feed = tmp_path / "out", tmp_path / "sites", tmp_path / "feed.ndjson"
    run_folder(config, nlp, inputs, out)
    export_json_resume(out, sites)
    export_search_feed(out, feed)
    before = {p.document.source_path: p for p in read_profiles(out)}

    _edit_one_line(inputs / CORPUS[0])
    run_folder(config, nlp, inputs, out)
    export_json_resume(out, sites)
    export_search_feed(out, feed)
    after = {p.document.source_path: p for p in read_profiles(out)}

    edited = str(inputs / CORPUS[0])
    assert after[edited].doc_id != before[edited].doc_id
    assert after[edited].person_key == before[edited].person_key
    assert sorted(folder.name for folder in sites.iterdir()) == sorted(
        p.person_key for p in after.values()
    )
    resume = json.loads((sites / after[edited].person_key / RESUME_FILE_NAME).read_text("utf-8"))
    assert resume["meta"]["docId"] == after[edited].doc_id
    assert [action["index"]["_id"] for action in _actions(feed)] == [
        p.person_key for p in after.values()
    ]


def test_removed_document_gets_a_delete_action_and_loses_its_site(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    out, sites, feed = tmp_path / "out", tmp_path / "sites", tmp_path / "feed.ndjson"
    run_folder(config, nlp, inputs, out)
    export_json_resume(out, sites)
    export_search_feed(out, feed)
    gone = next(p for p in read_profiles(out) if p.document.source_path.endswith(CORPUS[0]))
    (sites / gone.person_key / "theme.css").write_text("kept", "utf-8")

    (inputs / CORPUS[0]).unlink()
    run_folder(config, nlp, inputs, out, prune=True)
    export_json_resume(out, sites)
    export_search_feed(out, feed)

    assert _actions(feed)[-1] == {"delete": {"_index": "resumes", "_id": gone.person_key}}
    assert not (sites / gone.person_key / RESUME_FILE_NAME).exists()
    assert (sites / gone.person_key / "theme.css").read_text("utf-8") == "kept"
    export_search_feed(out, feed)  # the delete was sent with the previous feed: not again
    assert all("delete" not in action for action in _actions(feed))


def test_ids_of_a_feed_keyed_by_doc_id_are_deleted(
    config: PipelineConfig, nlp: Language, inputs: Path, tmp_path: Path
) -> None:
    out, feed = tmp_path / "out", tmp_path / "feed.ndjson"
    run_folder(config, nlp, inputs, out)
    profiles = read_profiles(out)
    old_feed = [json.dumps({"index": {"_index": "resumes", "_id": p.doc_id}}) for p in profiles]
    feed.write_text("\n".join(f'{line}\n{{"doc_id": "x"}}' for line in old_feed) + "\n", "utf-8")
    export_search_feed(out, feed)
    deleted = [action["delete"]["_id"] for action in _actions(feed) if "delete" in action]
    assert deleted == [p.doc_id for p in profiles]


def test_person_key_is_the_same_for_any_spelling_of_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "cv.md").write_text("Jane", "utf-8")
    out = tmp_path / "output"
    monkeypatch.chdir(tmp_path)
    settings = IngestSettings()
    relative = person_key_for(Path("raw/cv.md"), settings, anchor=Path("output"))
    assert relative == person_key_for(tmp_path / "raw" / "cv.md", settings, anchor=out)
    assert relative == person_key_for(Path("cv.md"), settings, tmp_path / "raw", out)
    named = IngestSettings(person_key="name")
    assert relative != person_key_for(Path("raw/cv.md"), named, anchor=out)


def test_project_moved_with_its_output_keeps_its_person_keys(tmp_path: Path) -> None:
    for project in ("before", "after"):
        (tmp_path / project / "raw").mkdir(parents=True)
        (tmp_path / project / "raw" / "cv.md").write_text("Jane", "utf-8")
    keys = {
        person_key_for(tmp_path / project / "raw" / "cv.md", IngestSettings(), None, out)
        for project in ("before", "after")
        for out in [tmp_path / project / "output"]
    }
    assert len(keys) == 1


def test_name_keys_ignore_the_folder() -> None:
    settings = IngestSettings(person_key="name")
    assert person_key_for(Path("a/cv.md"), settings) == person_key_for(Path("b/cv.md"), settings)


def test_two_documents_with_one_person_key_are_refused() -> None:
    first = make_document("Jane Doe\nEngineer", "a/cv.md")
    second = make_document("John Roe\nChef", "b/cv.md").model_copy(
        update={"person_key": first.person_key}
    )
    profiles = [
        ProfileRecords(document=doc, profile=ProfileRecord(doc_id=doc.doc_id))
        for doc in (first, second)
    ]
    with pytest.raises(ResumeEtlError) as caught:
        check_person_keys(profiles)
    assert caught.value.code is ErrorCode.E134_DUPLICATE_PERSON_KEY
