from __future__ import annotations

import codecs
import os
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.config import IngestSettings
from resume_etl.errors import ErrorCode
from resume_etl.ids import doc_id_for
from resume_etl.records import DocumentRecord, QuarantineRecord
from resume_etl.stages.ingest import (
    decode,
    discover,
    read_document,
    unread_endings,
)

SETTINGS = IngestSettings()
SAMPLE = "Café résumé — naïve Zoë\n• Led a team of 5\n"


def _write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _read(path: Path, settings: IngestSettings = SETTINGS) -> DocumentRecord:
    outcome = read_document(path, settings)
    assert isinstance(outcome, DocumentRecord), outcome
    return outcome


def _quarantined(path: Path, settings: IngestSettings = SETTINGS) -> QuarantineRecord:
    outcome = read_document(path, settings)
    assert isinstance(outcome, QuarantineRecord), outcome
    return outcome


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(SAMPLE.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8", id="utf-8-bom"),
        pytest.param(SAMPLE.encode("utf-16"), "utf-16", id="utf-16-bom"),
        pytest.param(SAMPLE.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param(SAMPLE.encode("utf-16-be"), "utf-16-be", id="utf-16-be-no-bom"),
        pytest.param(SAMPLE.replace("•", "-").encode("cp1252"), "cp1252", id="cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode(data, SETTINGS.preferred_legacy_encodings)
    assert decoded.encoding == encoding
    assert "Café résumé" in decoded.text
    assert "naïve Zoë" in decoded.text


def test_same_text_in_two_encodings_gets_the_same_doc_id(tmp_path: Path) -> None:
    utf8 = _read(_write(tmp_path, SAMPLE.encode("utf-8"), "a.txt"))
    utf16 = _read(_write(tmp_path, SAMPLE.encode("utf-16"), "b.txt"))
    assert utf8.doc_id == utf16.doc_id
    assert utf8.content_sha256 != utf16.content_sha256


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF", id="pdf"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG", id="png"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP", id="zip"),
    ],
)
def test_binary_files_saved_as_text_are_quarantined(tmp_path: Path, data: bytes, kind: str) -> None:
    outcome = _quarantined(_write(tmp_path, data))
    assert outcome.error_code is ErrorCode.E002_BINARY
    assert kind in outcome.reason
    assert outcome.content_sha256 is not None


def test_nul_bytes_in_no_encoding_are_quarantined(tmp_path: Path) -> None:
    outcome = _quarantined(_write(tmp_path, b"abc\x00\x01\x02\xff\xfe" * 50 + b"\x00"))
    assert outcome.error_code in (ErrorCode.E002_BINARY, ErrorCode.E003_UNDECODABLE)


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\n  ", codecs.BOM_UTF8], ids=["empty", "blank", "bom"]
)
def test_files_without_text_are_quarantined_as_empty(tmp_path: Path, data: bytes) -> None:
    assert _quarantined(_write(tmp_path, data)).error_code is ErrorCode.E001_EMPTY


def test_file_over_the_size_limit_is_quarantined_not_truncated(tmp_path: Path) -> None:
    path = _write(tmp_path, b"x" * 101)
    outcome = _quarantined(path, IngestSettings(max_bytes=100))
    assert outcome.error_code is ErrorCode.E004_TOO_LARGE
    assert "max_bytes=100" in outcome.reason


def test_unreadable_path_is_quarantined(tmp_path: Path) -> None:
    directory = tmp_path / "folder.txt"
    directory.mkdir()
    assert _quarantined(directory).error_code is ErrorCode.E005_UNREADABLE


def test_a_folder_without_read_permission_is_said_to_be_unlisted_not_an_unread_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    denied = PermissionError(13, "Permission denied", str(locked))
    real_open, real_scandir = os.open, os.scandir

    def deny_open(path: Path | str, flags: int, *args: int) -> int:
        if Path(path) == locked:  # the tests run as root, whom a mode of 000 does not stop
            raise denied
        return real_open(path, flags, *args)

    def deny_scandir(path: Path | str) -> object:
        if Path(path) == locked:
            raise denied
        return real_scandir(path)

    monkeypatch.setattr(os, "open", deny_open)
    monkeypatch.setattr(os, "scandir", deny_scandir)
    outcome = _quarantined(locked)
    assert outcome.error_code is ErrorCode.E005_UNREADABLE
    assert outcome.reason.startswith("cannot list the folder, so its files were not read")


def test_vanished_file_is_quarantined(tmp_path: Path) -> None:
    assert _quarantined(tmp_path / "gone.txt").error_code is ErrorCode.E005_UNREADABLE


def test_discover_is_recursive_sorted_and_filters_endings(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/z.md", "a.TXT", "b/c.markdown", "notes.odt", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [path.relative_to(tmp_path).as_posix() for path in discover([tmp_path], SETTINGS)]
    assert found == ["a.TXT", "b/c.markdown", "b/z.md"]


def test_discover_survives_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("x", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")
    assert [p.name for p in discover([tmp_path], SETTINGS)] == ["doc.txt"]


def test_doc_id_is_stable_and_content_derived() -> None:
    assert doc_id_for("hello") == doc_id_for("hello")
    assert doc_id_for("hello") != doc_id_for("hello!")
    assert len(doc_id_for("hello")) == 16


# No deadline: bytes that are not UTF-8 are read in two dozen encodings (about 20 ms, more on a
# loaded machine), and a per-example time limit would make the test fail by the clock.
@settings(deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_end_as_a_document_or_a_quarantine_row(data: bytes) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.txt"
        path.write_bytes(data)
        outcome = read_document(path, SETTINGS)
    assert isinstance(outcome, DocumentRecord | QuarantineRecord)
    if isinstance(outcome, DocumentRecord):
        assert outcome.text.strip()
        assert outcome.char_count == len(outcome.text)


def test_a_relative_path_is_read_from_root_and_named_as_given(tmp_path: Path) -> None:
    """A Dask worker reads the driver's ``raw/a.txt`` from the driver's folder, not its own."""
    (tmp_path / "raw").mkdir()
    _write(tmp_path / "raw", SAMPLE.encode(), "a.txt")
    outcome = read_document(Path("raw/a.txt"), SETTINGS, root=tmp_path)
    assert isinstance(outcome, DocumentRecord), outcome
    assert outcome.source_path == "raw/a.txt"


def test_unread_endings_counts_what_a_folder_holds_beyond_the_extensions(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("a.txt", "b.PDF", "sub/c.doc", "sub/d.doc", "README", ".hidden/e.rtf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    settings = IngestSettings(extensions=(".txt",))
    assert unread_endings([tmp_path], settings) == {"(no ending)": 1, ".doc": 2, ".pdf": 1}
    assert unread_endings([tmp_path / "a.txt"], settings) == {}  # a file given is read as given
