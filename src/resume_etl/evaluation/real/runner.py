"""Run the pipeline on texts the evaluation made (renderings, dotin texts, markdown files).

The texts are written to a scratch folder and go through ``run_files``, the same in-process
run as ``resume-etl eval`` (one spaCy model, loaded once or passed in), into scratch tables that
are read back with the public ``read_tables``. Identical texts are run once (the pipeline
keeps one of two equal documents), and every name that had that text gets its rows.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.evaluation.predicted import Predicted, predictions_from_tables
from resume_etl.runner import run_files
from resume_etl.storage.plan import RunOptions
from resume_etl.tables import read_tables

READ_TABLES = ("profiles", "contacts", "experiences", "education", "skills", "sections")
"""The tables the real-data scorers read beside the regular eval's predictions."""


@dataclass(frozen=True, slots=True)
class InputText:
    """A text to run, under a file name that is unique in the run (its suffix picks the
    reader: ``.md`` is markdown)."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """What the pipeline wrote for one input: the regular eval's reading of it, the document's
    normalized text, and the rows of :data:`READ_TABLES` in table order."""

    predicted: Predicted
    text: str
    rows: Mapping[str, Sequence[Mapping[str, Any]]]

    def table(self, name: str) -> Sequence[Mapping[str, Any]]:
        return self.rows.get(name, ())


Progress = Callable[[int], None]
"""Called with the number of inputs done each time one more is done."""


def _grouped(frame: pd.DataFrame | None) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    if frame is None:
        return grouped
    for row in frame.to_dict(orient="records"):
        grouped.setdefault(str(row["doc_id"]), []).append(row)
    return grouped


def _collect(out: Path) -> dict[Path, DocumentRows]:
    tables = read_tables(out)
    predicted = predictions_from_tables(tables)
    by_table = {name: _grouped(tables.get(name)) for name in READ_TABLES}
    found: dict[Path, DocumentRows] = {}
    documents = tables.get("documents")
    for document in [] if documents is None else documents.to_dict(orient="records"):
        path = Path(str(document["source_path"])).resolve()
        doc_id = str(document["doc_id"])
        rows = {name: by_table[name].get(doc_id, []) for name in READ_TABLES}
        found[path] = DocumentRows(predicted[path], str(document["text"]), rows)
    return found


def _run_in(
    folder: Path,
    inputs: Sequence[InputText],
    config: PipelineConfig,
    nlp: Language | None,
    on_progress: Progress | None,
) -> dict[str, DocumentRows]:
    by_text: dict[str, list[str]] = {}
    for item in inputs:
        by_text.setdefault(item.text, []).append(item.name)
    (folder / "in").mkdir(parents=True, exist_ok=True)
    files: dict[Path, list[str]] = {}
    for text, names in by_text.items():
        path = (folder / "in" / names[0]).resolve()
        path.write_text(text, encoding="utf-8")
        files[path] = names
    done = [0]

    def progress(path: Path) -> None:
        done[0] += len(files.get(path.resolve(), [""]))
        if on_progress is not None:
            on_progress(done[0])

    options = RunOptions(full=True, prune=True)
    run_files(config, sorted(files), folder / "out", progress, nlp=nlp, options=options)
    collected = _collect(folder / "out")
    return {
        name: collected[path]
        for path, names in files.items()
        if path in collected
        for name in names
    }


def run_texts(
    inputs: Sequence[InputText],
    config: PipelineConfig,
    nlp: Language | None = None,
    on_progress: Progress | None = None,
    keep: Path | None = None,
) -> dict[str, DocumentRows]:
    """The pipeline's rows for each input name; a name whose text yielded no document (it was
    quarantined) is missing from the result, and scores as a document where nothing was found.

    With ``keep`` the texts stay in ``keep/in`` and the tables in ``keep/out`` for reading the
    misses (the folder is outside the package; never commit what it holds)."""
    if keep is not None:
        return _run_in(keep, inputs, config, nlp, on_progress)
    with tempfile.TemporaryDirectory(prefix="resume-etl-eval-real-") as scratch:
        return _run_in(Path(scratch), inputs, config, nlp, on_progress)
