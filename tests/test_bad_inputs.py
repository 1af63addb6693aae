"""Garbage in one run: every file ends parsed or quarantined with a code, and the run goes on."""

from __future__ import annotations

import codecs
import os
import random
import shutil
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from resume_etl.config import IngestSettings, PipelineConfig
from resume_etl.engines import local
from resume_etl.records import DocumentRecord, QuarantineRecord
from resume_etl.runner import discover_inputs, run_files
from resume_etl.stages.ingest import read_document
from tests.conftest import RAW
from tests.stages.legacy_resumes import RUSSIAN

PARSED = "parsed"
MAX_CHARS = 200_000
"""The suite's limit: spaCy alone takes about a minute on 100,000 bullets (linearly: about
0.6 s per 1,000), which the default max_chars of 1,000,000 would accept."""
IS_ROOT = os.geteuid() == 0


def _random_high_bytes(count: int) -> bytes:
    """Bytes 0x80-0xFF at random (seeded): no encoding reads them as text."""
    rng = random.Random(7)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(count))


def _write_inputs(folder: Path) -> dict[str, bytes | None]:
    """Name -> bytes of each bad input (None for files made another way)."""
    resume = (RAW / "109_lawyer_uk.txt").read_text(encoding="utf-8")
    files: dict[str, bytes | None] = {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\r\n   \n",
        "pdf.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "zip.txt": b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        "nul_in_text.txt": b"Jane Doe\x00\nData Analyst\x00 at Northwind\n",
        "nul_binary.txt": b"abc\x00\x01\x02\xff\xfe" * 50,
        "invalid_utf8.txt": b"Caf\xe9 r\xe9sum\xe9\nChef at Le Gavroche\n\xff\x80\n",
        "utf16_no_bom.txt": (RAW / "104_chef_website_au.txt")
        .read_text("utf-8")
        .encode("utf-16-le"),
        "one_5mb_line.txt": b"word " * 1_000_000,
        "bullets_100k.txt": b"## Experience\n" + b"- a\n" * 100_000,
        "nested_markdown.md": "".join("  " * i + f"- level {i}\n" for i in range(300)).encode()
        + b">" * 1000
        + b" quoted\n",
        "other_language.txt": (
            "Lebenslauf\n\nBerufserfahrung\nSoftwareentwicklerin, Brenntal AG\n"
            "Januar 2019 - heute\n- Entwicklung von Steuerungssoftware\n\n"
            "Ausbildung\nTechnische Universität München, M.Sc. Informatik\n2013 - 2018\n"
            "简历 工作经验 软件工程师\n"
        ).encode(),
        "legacy_cp1251.txt": RUSSIAN.encode("cp1251"),
        "garbled_bytes.txt": _random_high_bytes(3000),
        "utf16_bom_then_utf8.txt": codecs.BOM_UTF16_LE + resume.replace("a", "á").encode(),
        "vanishes.txt": resume.encode(),
        "good.txt": resume.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data or b"")
    with (folder / "huge_50mb.txt").open("wb") as handle:
        handle.write(b"Managed 5 teams.\n" * (50 * 2**20 // 17))
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    os.mkfifo(folder / "fifo.txt")
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(resume, encoding="utf-8")
    unreadable.chmod(0)
    return files


EXPECTED = {
    "empty.txt": "E001",
    "whitespace.txt": "E001",
    "pdf.txt": "E002",
    "png.txt": "E002",
    "zip.txt": "E002",
    "nul_in_text.txt": PARSED,
    "nul_binary.txt": "E002",
    "invalid_utf8.txt": PARSED,
    "utf16_no_bom.txt": PARSED,
    "huge_50mb.txt": "E004",
    "one_5mb_line.txt": "E004",
    "bullets_100k.txt": "E004",  # 400,000 characters, over the test's max_chars
    "nested_markdown.md": PARSED,
    "legacy_cp1251.txt": PARSED,
    "garbled_bytes.txt": "E003",
    "utf16_bom_then_utf8.txt": PARSED,
    "other_language.txt": PARSED,
    "loop_a.txt": "E005",
    "loop_b.txt": "E005",
    "fifo.txt": "E005",
    "vanishes.txt": "E005",
    "unreadable.txt": "E005",
    "good.txt": PARSED,
}


@pytest.fixture(scope="module")
def outcomes(
    tmp_path_factory: pytest.TempPathFactory, config: PipelineConfig, nlp: Language
) -> dict[str, str]:
    """One run over every bad input: file name -> 'parsed' or its quarantine error code."""
    root = tmp_path_factory.mktemp("bad")
    inputs = root / "in"
    inputs.mkdir()
    _write_inputs(inputs)
    config = config.model_copy(
        update={"ingest": config.ingest.model_copy(update={"max_chars": MAX_CHARS})}
    )
    files = discover_inputs([inputs], config)
    vanishing = inputs / "vanishes.txt"

    def read_after_removing_the_vanishing_file(
        path: Path, settings: IngestSettings, root: Path | None = None, anchor: Path | None = None
    ) -> DocumentRecord | QuarantineRecord:
        # Mid-run: discovered and planned, then gone once the engine starts reading files.
        if path != vanishing:
            vanishing.unlink(missing_ok=True)
        return read_document(path, settings, root, anchor)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(local, "read_document", read_after_removing_the_vanishing_file)
        summary = run_files(config, files, root / "out", None, nlp)
    assert summary.documents_read == len(EXPECTED)
    documents = pd.read_parquet(root / "out" / "documents.parquet")
    quarantine = pd.read_parquet(root / "out" / "quarantine.parquet")
    result = {Path(path).name: PARSED for path in documents["source_path"]}
    for path, code in zip(quarantine["source_path"], quarantine["error_code"], strict=True):
        assert Path(path).name not in result, f"{path} ended in two places"
        result[Path(path).name] = str(code)
    shutil.rmtree(root)  # the 50 MB file
    return result


def test_every_input_ends_in_exactly_one_place(outcomes: dict[str, str]) -> None:
    assert sorted(outcomes) == sorted(EXPECTED)


@pytest.mark.parametrize(("name", "expected"), EXPECTED.items(), ids=list(EXPECTED))
def test_bad_input_is_parsed_or_quarantined_with_its_code(
    name: str, expected: str, outcomes: dict[str, str]
) -> None:
    if name == "unreadable.txt" and IS_ROOT:
        pytest.skip("root reads any file whatever its permissions")
    assert outcomes[name] == expected
