"""Legacy encodings: each is read as the language it holds, a doubt is said, garbage is refused."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from resume_etl.config import IngestSettings, PipelineConfig
from resume_etl.errors import ErrorCode
from resume_etl.records import DocumentRecord, QuarantineRecord
from resume_etl.runner import run_files
from resume_etl.stages.decoding import choose_legacy, utf8_behind_utf16_bom
from resume_etl.stages.ingest import decode, read_document
from resume_etl.stages.normalize import normalize
from tests.stages.legacy_resumes import GREEK, LEGACY_CASES, RUSSIAN

SETTINGS = IngestSettings()
PREFERRED = SETTINGS.preferred_legacy_encodings


def _read(tmp_path: Path, data: bytes) -> DocumentRecord | QuarantineRecord:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    return read_document(path, SETTINGS)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [(encoding, text) for encoding, _, text in LEGACY_CASES],
    ids=[f"{language}-{encoding}" for encoding, language, _ in LEGACY_CASES],
)
def test_a_legacy_resume_is_read_in_its_own_alphabet_without_doubt(
    tmp_path: Path, encoding: str, text: str
) -> None:
    outcome = _read(tmp_path, text.encode(encoding))
    assert isinstance(outcome, DocumentRecord), outcome
    assert outcome.text == normalize(text)[0]
    assert outcome.encoding_doubt is None


def test_the_same_resume_in_utf8_and_in_cp1251_gets_one_doc_id(tmp_path: Path) -> None:
    legacy = _read(tmp_path, RUSSIAN.encode("cp1251"))
    unicode = _read(tmp_path, RUSSIAN.encode("utf-8"))
    assert isinstance(legacy, DocumentRecord) and isinstance(unicode, DocumentRecord)
    assert legacy.doc_id == unicode.doc_id
    assert "Иван Петров" in legacy.text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param("Café résumé, naïve Zoë\n- Led a team of 5\n", "cp1252", id="french"),
        pytest.param("Jürgen Müller, Straße 5, München\n", "cp1252", id="german"),
        pytest.param("José Núñez, ingeniero de señales\n", "cp1252", id="spanish"),
    ],
)
def test_a_short_western_text_stays_cp1252_without_doubt(text: str, encoding: str) -> None:
    decoded = decode(text.encode(encoding), PREFERRED)
    assert (decoded.text, decoded.encoding, decoded.doubt) == (text, "cp1252", None)


def test_two_greek_words_are_too_few_to_tell_and_the_decode_says_so(tmp_path: Path) -> None:
    """Two words in cp1253 read as plausible Cyrillic in cp1251: no one can tell them apart."""
    outcome = _read(tmp_path, GREEK.splitlines()[0].encode("cp1253"))
    assert isinstance(outcome, DocumentRecord), outcome
    assert outcome.encoding_doubt is not None
    assert "cp125" in outcome.encoding_doubt


def test_bytes_that_are_garbage_in_every_encoding_are_quarantined(tmp_path: Path) -> None:
    rng = random.Random(7)
    garbage = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    outcome = _read(tmp_path, garbage)
    assert isinstance(outcome, QuarantineRecord), outcome
    assert outcome.error_code is ErrorCode.E003_UNDECODABLE
    assert "garbled" in outcome.reason


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE], ids=["le", "be"])
def test_a_utf16_mark_before_utf8_bytes_gives_the_utf8_text(tmp_path: Path, bom: bytes) -> None:
    text = "Иван Петров\nSenior engineer, café owner\n"
    outcome = _read(tmp_path, bom + text.encode("utf-8"))
    assert isinstance(outcome, DocumentRecord), outcome
    assert (outcome.text, outcome.encoding) == (text.strip("\n"), "utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_real_utf16_is_not_taken_for_utf8_behind_a_mark(encoding: str) -> None:
    for text in ("Hello, world\n", "ИванПетров", "Γιώργος Παπαδόπουλος"):
        data = text.encode(encoding)
        if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            data = codecs.BOM_UTF16_BE + data
        assert utf8_behind_utf16_bom(data) is None


def test_a_reading_differing_only_in_punctuation_is_no_rival() -> None:
    """'·' and '•' are letters or box drawing in DOS code pages; an English text stays sure."""
    text = "Python · SQL · Excel\n• Led a team of five • Cut costs by 10%\n"
    choice = choose_legacy(text.encode("cp1252"), PREFERRED)
    assert choice is not None
    assert (choice.reading.text(), choice.doubt) == (text, None)


def test_a_run_counts_and_flags_doubtful_decodes(
    tmp_path: Path, config: PipelineConfig, nlp: Language
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_russian.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (folder / "b_greek_name.txt").write_bytes(GREEK.splitlines()[0].encode("cp1253"))
    files = sorted(folder.iterdir())
    summary = run_files(config, files, tmp_path / "out", None, nlp)
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    doubtful = documents.loc[documents["encoding_doubt"].notna(), "source_path"]
    assert [Path(path).name for path in doubtful] == ["b_greek_name.txt"]
    assert summary.quality_flags.get("encoding_doubtful") == 1
    flags = documents.set_index("source_path")["quality_flags"]
    assert "encoding_doubtful" in list(flags[doubtful.iloc[0]])
    profiles = pd.read_parquet(tmp_path / "out" / "profiles.parquet")
    assert "Иван Петров" in set(profiles["name"].dropna())
