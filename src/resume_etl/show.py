"""``resume-etl show``: one document's text with every extracted value marked by table and field.

People check a parser by looking at what it took from a page. Every value in the tables carries a
character span into ``documents.text``, so the view needs no re-run: it reads the committed
tables, collects each value's span and labels it ``table.field`` (``experiences.organization``,
``skills.name``). The terminal view colours the text by table and puts the label after each value;
``show_html`` draws the same spans with spaCy's displaCy span renderer.

Which spans are values: every ``<field>_span`` column (the value is ``<field>``), a table's
``span`` when the table has a ``text`` or ``value`` column (metrics, links, contacts), and the
``spans`` list of skills (every mention of ``name``). The other ``span`` columns and
``sentence_span`` cover the text around values (a section, an entry, a metric's sentence), so
marking them would underline nearly everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text

from resume_etl.errors import ErrorCode, ResumeEtlError
from resume_etl.hints import require_tables
from resume_etl.records import TABLE_MODELS
from resume_etl.tables import Tables, read_tables

CONTEXT_SPAN_COLUMNS = frozenset({"sentence_span"})
"""Span columns that locate the text around a value rather than a value."""
SPAN_VALUE_COLUMNS = ("text", "value")
"""A table's plain ``span`` marks a value when the table has one of these columns."""
UNMARKED_TABLES = frozenset({"documents", "quarantine"})

TABLE_COLOURS: Mapping[str, tuple[str, str]] = {
    "profiles": ("magenta", "#f4a6e8"),
    "sections": ("blue", "#a6c8ff"),
    "experiences": ("green", "#9be8a0"),
    "education": ("cyan", "#8fe3e8"),
    "projects": ("yellow", "#ffe27a"),
    "publications": ("bright_red", "#ffb0a0"),
    "skills": ("bright_blue", "#c3b5ff"),
    "metrics": ("red", "#ff8f8f"),
    "links": ("bright_cyan", "#b9f0ff"),
    "contacts": ("bright_magenta", "#ffc4f0"),
}
"""Per table: a rich colour for the terminal, a light hex colour for displaCy's span bars."""
FALLBACK_COLOURS = ("white", "#dddddd")
MIN_PREFIX = 6
"""Shortest doc_id prefix accepted, so that a typo does not pick some document at random."""


@dataclass(frozen=True, slots=True)
class Highlight:
    """One extracted value: where it is in the document text and which column holds it."""

    start: int
    end: int
    table: str
    field: str

    @property
    def label(self) -> str:
        return f"{self.table}.{self.field}"


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A document's normalized text and the spans of every value extracted from it."""

    doc_id: str
    source_path: str
    text: str
    highlights: list[Highlight]


def load_view(tables_dir: Path, key: str) -> DocumentView:
    """The view of the document ``key`` names (a doc_id, a unique prefix of one, or its path)."""
    require_tables(tables_dir)
    tables = read_tables(tables_dir)
    documents = tables.documents
    doc_id = find_doc_id(
        documents["doc_id"].tolist(), documents["source_path"].tolist(), key, tables_dir
    )
    if doc_id is None:
        raise not_found_error(tables, key, tables_dir)
    row = documents[documents["doc_id"] == doc_id].iloc[0]
    text = str(row["text"])
    return DocumentView(
        doc_id=doc_id,
        source_path=str(row["source_path"]),
        text=text,
        highlights=sorted(collect_highlights(tables, doc_id, len(text)), key=_reading_order),
    )


def find_doc_id(
    doc_ids: Sequence[str], paths: Sequence[str], key: str, tables_dir: Path
) -> str | None:
    """Resolve ``key``: an exact doc_id, a path as given to the run or the same file, a prefix.

    None when nothing matches; an error when ``key`` starts several doc_ids.
    """
    if key in doc_ids:
        return key
    for doc_id, path in zip(doc_ids, paths, strict=True):
        if path == key or _same_file(Path(path), Path(key)):
            return doc_id
    matches = [doc_id for doc_id in doc_ids if len(key) >= MIN_PREFIX and doc_id.startswith(key)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ResumeEtlError(
            ErrorCode.E104_NO_INPUT,
            f"{key!r} is the start of {len(matches)} doc_ids in {tables_dir}; give more of it",
            "Give more characters of the doc_id, or the path of the input.",
        )
    return None


def not_found_error(tables: Tables, key: str, tables_dir: Path) -> ResumeEtlError:
    """E104 (no such input) for ``key``; when the run quarantined that input, say so and why."""
    quarantine = tables.quarantine
    for path, code, reason in zip(
        quarantine["source_path"].tolist(),
        quarantine["error_code"].tolist(),
        quarantine["reason"].tolist(),
        strict=True,
    ):
        if path == key or _same_file(Path(path), Path(key)):
            return ResumeEtlError(
                ErrorCode.E104_NO_INPUT,
                f"{key} was quarantined by the run, so it has no text to show ({code}: {reason})",
                "Fix the input as the reason says and run again; quarantined inputs are listed "
                'by: resume-etl query "SELECT * FROM quarantine"',
            )
    return ResumeEtlError(
        ErrorCode.E104_NO_INPUT,
        f"no document {key!r} in {tables_dir} ({len(tables.documents)} documents)",
        f"Give a doc_id, a unique start of one, or the path the run read; list them with: "
        f'resume-etl query "SELECT doc_id, source_path FROM documents" --tables {tables_dir}',
    )


def _same_file(stored: Path, given: Path) -> bool:
    try:
        return stored.resolve() == given.resolve()
    except OSError:
        return False


def _reading_order(highlight: Highlight) -> tuple[int, int, str]:
    return (highlight.start, -highlight.end, highlight.label)


def collect_highlights(tables: Tables, doc_id: str, text_length: int) -> Iterable[Highlight]:
    """Every value span of the document, from every table but documents and quarantine."""
    for table in TABLE_MODELS:
        if table in UNMARKED_TABLES:
            continue
        frame = tables[table]
        rows: list[dict[str, Any]] = frame[frame["doc_id"] == doc_id].to_dict("records")
        for row in rows:
            yield from _row_highlights(table, row, text_length)


def _row_highlights(table: str, row: Mapping[str, Any], text_length: int) -> Iterable[Highlight]:
    for column, value in row.items():
        field = value_field(column, row)
        if field is None:
            continue
        spans = value if column == "spans" else [value]
        for span in spans if spans is not None else []:
            if isinstance(span, Mapping) and 0 <= span["start"] < span["end"] <= text_length:
                yield Highlight(int(span["start"]), int(span["end"]), table, field)


def value_field(column: str, row: Mapping[str, Any]) -> str | None:
    """The value column a span column locates, or None when the span is context."""
    if column in CONTEXT_SPAN_COLUMNS:
        return None
    if column.endswith("_span"):
        return column.removesuffix("_span")
    if column == "spans" and "name" in row:
        return "name"
    if column == "span":
        return next((name for name in SPAN_VALUE_COLUMNS if name in row), None)
    return None


def colour_of(table: str) -> tuple[str, str]:
    return TABLE_COLOURS.get(table, FALLBACK_COLOURS)


def terminal_text(view: DocumentView) -> Text:
    """The document for a terminal: values coloured by table, each followed by its label."""
    text = Text(view.text)
    for highlight in view.highlights:
        text.stylize(f"bold {colour_of(highlight.table)[0]}", highlight.start, highlight.end)
    ends = sorted({highlight.end for highlight in view.highlights})
    pieces = text.divide(ends)
    labelled = Text()
    for piece, start in zip(pieces, [0, *ends], strict=True):  # a piece per end, and the head
        labelled.append(_labels_ending_at(view.highlights, start))
        labelled.append(piece)
    return labelled


def _labels_ending_at(highlights: Sequence[Highlight], end: int) -> Text:
    tags = Text()
    for highlight in highlights:
        if highlight.end == end:
            tags.append(f"⟨{highlight.label}⟩", style=f"dim {colour_of(highlight.table)[0]}")
    return tags


def legend(view: DocumentView) -> Text:
    """One line naming the tables present, in their colours, with how many values each has."""
    counts: dict[str, int] = {}
    for highlight in view.highlights:
        counts[highlight.table] = counts.get(highlight.table, 0) + 1
    line = Text(f"{view.source_path}  {view.doc_id}  ")
    for table, count in counts.items():
        line.append(f" {table} {count} ", style=f"black on {colour_of(table)[0]}")
        line.append(" ")
    return line
