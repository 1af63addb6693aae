"""Hypothesis drives ingest → load with arbitrary bytes and text: no exception escapes a
document, and every input ends in exactly one of parsed or quarantined."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.runner import run_files

RESUME_WORDS = st.sampled_from(
    ["## Experience", "- ", "Jan 2020 - Present", "Engineer, Acme", "5%", "$1.5M", "\n", "  ",
     "jane@example.org", "+44 20 7946 0958", "B.Sc.", "🚀", "—", "•", "2019-2021", "\x00", "\r"]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=400), st.lists(RESUME_WORDS, max_size=60).map(" ".join))
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _every_file_ends_in_one_place(
    contents: list[bytes], config: PipelineConfig, nlp: Language
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = []
        for index, data in enumerate(contents):
            path = root / f"doc{index}.txt"
            path.write_bytes(data)
            files.append(path)
        summary = run_files(config, files, root / "out", nlp=nlp)
        documents = pd.read_parquet(root / "out" / "documents.parquet")
        quarantine = pd.read_parquet(root / "out" / "quarantine.parquet")
    failed = quarantine[quarantine["stage"].astype(str) != "validate"]  # record-level rows aside
    places = [*documents["source_path"], *failed["source_path"]]
    assert sorted(places) == sorted(str(path) for path in files)
    assert summary.documents_parsed + summary.documents_quarantined == len(files)


@FUZZ
@given(contents=st.lists(st.binary(max_size=600), min_size=1, max_size=3))
def test_any_bytes_end_parsed_or_quarantined(
    contents: list[bytes], config: PipelineConfig, nlp: Language
) -> None:
    _every_file_ends_in_one_place(contents, config, nlp)


@FUZZ
@given(
    texts=st.lists(TEXTS, min_size=1, max_size=3),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
)
def test_any_text_in_any_encoding_ends_parsed_or_quarantined(
    texts: list[str], encoding: str, config: PipelineConfig, nlp: Language
) -> None:
    contents = [text.encode(encoding, errors="replace") for text in texts]
    _every_file_ends_in_one_place(contents, config, nlp)
