"""A document whose line breaks were collapsed into spaces reads like the same text with breaks.

Each document of ``raw/`` is collapsed the way text pulled from a PDF or a web form arrives
(every line break two spaces, as in the dotin set), run through the whole pipeline, and compared
with the tables of the document as written. Documents that align columns with runs of spaces
inside their lines are left out of the comparison: once collapsed, a column gap and a line
break are the same run, so their lines cannot all come back (``test_reflow.py`` still checks
that each of their line breaks does).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from resume_etl.api import read_tables
from resume_etl.config import IngestSettings, PipelineConfig
from resume_etl.runner import discover_inputs, run_files
from resume_etl.stages.ingest import decode
from tests.conftest import RAW

_COLUMN_GAP = re.compile(r"\S {2,}\S")


def _decoded(path: Path) -> str:
    return decode(path.read_bytes(), IngestSettings().preferred_legacy_encodings).text


def _entries(
    tables: Mapping[str, pd.DataFrame], table: str, columns: tuple[str, ...]
) -> dict[str, Counter[tuple[str, ...]]]:
    names = {row.doc_id: Path(row.source_path).name for row in tables["documents"].itertuples()}
    found: dict[str, Counter[tuple[str, ...]]] = {name: Counter() for name in names.values()}
    for row in tables[table].to_dict(orient="records"):
        values = tuple("" if pd.isna(row[column]) else str(row[column]) for column in columns)
        found[names[row["doc_id"]]][values] += 1
    return found


@pytest.fixture(scope="module")
def collapsed_tables(
    tmp_path_factory: pytest.TempPathFactory, config: PipelineConfig, nlp: Language
) -> Path:
    folder = tmp_path_factory.mktemp("collapsed")
    inputs = folder / "in"
    inputs.mkdir()
    for path in discover_inputs([RAW], config):
        collapsed = _decoded(path).replace("\r\n", "\n").replace("\n", "  ")
        (inputs / path.name).write_text(collapsed, encoding="utf-8")
    run_files(config, discover_inputs([inputs], config), folder / "out", nlp=nlp)
    return folder / "out"


SINGLE_COLUMN = [
    path.name
    for path in sorted(RAW.iterdir())
    if not any(_COLUMN_GAP.search(line) for line in _decoded(path).splitlines())
]


@pytest.mark.parametrize("name", SINGLE_COLUMN)
@pytest.mark.parametrize(
    ("table", "columns"),
    [("experiences", ("organization", "role")), ("education", ("institution", "degree"))],
)
def test_a_collapsed_document_yields_the_same_entries(
    name: str,
    table: str,
    columns: tuple[str, ...],
    raw_tables_dir: Path,
    collapsed_tables: Path,
) -> None:
    written = _entries(read_tables(raw_tables_dir), table, columns)
    collapsed = _entries(read_tables(collapsed_tables), table, columns)
    assert collapsed[name] == written[name]


def test_every_collapsed_document_is_flagged(collapsed_tables: Path) -> None:
    documents = read_tables(collapsed_tables)["documents"]
    assert all("collapsed_line_breaks" in list(flags) for flags in documents["quality_flags"])
