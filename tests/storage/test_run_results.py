"""``run_results.json``: one result per input, its status told from its quarantine rows."""

from __future__ import annotations

import json
from pathlib import Path

from resume_etl.errors import ErrorCode
from resume_etl.storage.run_results import (
    RUN_RESULTS_VERSION,
    QuarantineNote,
    document_results,
    write_run_results,
)
from resume_etl.storage.store import STATE_DIR, FileEntry, Outcome


def _entry(path: str, outcome: Outcome = Outcome.PARSED) -> FileEntry:
    code = ErrorCode.E001_EMPTY if outcome is Outcome.QUARANTINED else None
    return FileEntry(
        source_path=path, content_sha256="0" * 64, doc_id=None, outcome=outcome, error_code=code
    )


def test_a_parsed_document_with_a_rejected_record_is_a_warning() -> None:
    note = QuarantineNote("a.txt", "E030", "validate", "end before start", "experiences")
    [result] = document_results([_entry("a.txt")], {"a.txt"}, [note], {})
    assert result["status"] == "warn"
    assert result["quarantine"] == [
        {
            "error_code": "E030",
            "stage": "validate",
            "reason": "end before start",
            "record_type": "experiences",
        }
    ]


def test_statuses_follow_dbt_success_and_error() -> None:
    entries = [_entry("ok.txt"), _entry("bad.txt", Outcome.QUARANTINED)]
    results = document_results(entries, set(), [], {})
    assert [result["status"] for result in results] == ["success", "error"]
    assert all(result["reused"] for result in results)


def test_execution_time_is_the_sum_of_the_documents_stage_seconds() -> None:
    seconds = {"a.txt": {"ingest": 0.25, "nlp": 0.5}}
    [result] = document_results([_entry("a.txt")], {"a.txt"}, [], seconds)
    assert result["execution_time"] == 0.75


def test_the_file_replaces_the_last_runs_in_the_metadata_folder(tmp_path: Path) -> None:
    (tmp_path / STATE_DIR).mkdir()
    for run_id in ("first", "second"):
        path = write_run_results(tmp_path, {"run_id": run_id}, {"elapsed_time": 1.0}, [])
    report = json.loads(path.read_text(encoding="utf-8"))
    assert path == tmp_path / STATE_DIR / "run_results.json"
    assert report["metadata"]["run_id"] == "second"
    assert report["metadata"]["run_results_version"] == RUN_RESULTS_VERSION
    assert not list((tmp_path / STATE_DIR).glob("*.tmp"))
