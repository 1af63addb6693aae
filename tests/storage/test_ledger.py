"""The ledger stays bounded: compaction keeps each run's newest line, archives the old runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_etl.storage import ledger as ledger_module
from resume_etl.storage.ledger import ARCHIVE_DIR, Ledger, LedgerLine, RunCounts
from resume_etl.storage.store import STATE_DIR, Store
from tests.storage.test_store import _commit


def _line(run_id: str, inputs: int) -> LedgerLine:
    return LedgerLine(
        run_id=run_id,
        committed_at="2026-12-02T10:00:00+00:00",
        fingerprint="f",
        counts=RunCounts(inputs=inputs),
        rows={"documents": inputs},
    )


def test_compaction_keeps_the_newest_line_of_every_run(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path)
    for number in range(10):
        ledger.append(_line(f"run{number:02d}", 1))
    ledger.append(_line("run03", 2))  # listed again, newer: its state wins
    ledger.append(_line("run08", 3))
    with ledger.file.open("a", encoding="utf-8") as handle:
        handle.write("not json\n")
    ledger.compact(keep=4)
    assert [(line.run_id, line.counts.inputs) for line in ledger.lines()] == [
        ("run07", 1),
        ("run09", 1),
        ("run03", 2),
        ("run08", 3),
    ]
    history = [(line.run_id, line.counts.inputs) for line in ledger.history()]
    assert sorted(run_id for run_id, _ in history) == [f"run{n:02d}" for n in range(10)]
    assert dict(history) == {f"run{n:02d}": {3: 2, 8: 3}.get(n, 1) for n in range(10)}
    assert [path.name for path in (tmp_path / ARCHIVE_DIR).iterdir()] == ["run00.jsonl"]


def test_compaction_cut_before_the_ledger_is_replaced_is_redone_without_loss(
    tmp_path: Path,
) -> None:
    ledger = Ledger(tmp_path)
    for number in range(6):
        ledger.append(_line(f"run{number}", 1))
    whole = ledger.file.read_text(encoding="utf-8")
    ledger.compact(keep=2)
    ledger.file.write_text(whole, encoding="utf-8")  # as if killed before the last rename
    ledger.compact(keep=2)
    assert [line.run_id for line in ledger.history()] == [f"run{n}" for n in range(6)]


def test_a_long_ledger_is_compacted_by_the_next_run_and_stays_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / STATE_DIR
    state.mkdir()
    old = Ledger(state)
    for number in range(300):
        old.append(_line(f"2020-run{number:03d}", 1))
    monkeypatch.setattr(ledger_module, "COMPACT_BYTES", 4096)
    monkeypatch.setattr(ledger_module, "KEEP_LINES", 5)
    manifests = [_commit(tmp_path, rows) for rows in (1, 2, 3)]
    store = Store(tmp_path)
    assert old.file.stat().st_size <= 4096 + 1000  # compacted: the limit and a line
    assert len(store.ledger()) <= 5 + 3
    assert store.ledger()[-1].run_id == manifests[-1].run_id
    history = [line.run_id for line in Ledger(state).history()]
    assert history == [f"2020-run{n:03d}" for n in range(300)] + [m.run_id for m in manifests]


def test_a_ledger_line_cut_short_is_cut_from_the_end_only(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path)
    ledger.append(_line("run1", 1))
    with ledger.file.open("a", encoding="utf-8") as handle:
        handle.write('{"run_id": "cut sho')
    ledger.repair_tail()
    ledger.append(_line("run2", 1))
    assert [line.run_id for line in ledger.lines()] == ["run1", "run2"]
