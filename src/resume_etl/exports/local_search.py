"""Local full-text search over an output folder, on the Tantivy engine (Lucene's design in Rust).

The index lives beside the tables, in ``<out>/.resume-etl/search-index/``, and is brought up to
date by the first search after a run: documents of the committed run it lacks are added, the
ones the run no longer has are deleted, so a query never rebuilds it (``--rebuild`` does). A
query is Tantivy's query language: every word must match by default (``--any``: one is enough),
``"a phrase"`` matches words side by side, ``-word`` excludes, ``OR`` joins alternatives and
``skills:kafka`` searches one field. Fields are weighted: a query word in the name, the
headline, a skill or a job title counts more than the same word in the body. Snippets are cut
by the engine from the document's plain text (markdown marks removed), with the query words
highlighted. Where the output folder cannot be written, the index is built in memory.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import tantivy

from resume_etl.hints import require_tables

if TYPE_CHECKING:
    from resume_etl.exports._search_rows import IndexedProfile

INDEX_DIR = Path(".resume-etl") / "search-index"
"""Inside an output folder: the search index and the run it reflects (``state.json``)."""
INDEX_FORMAT = 1
"""Bumped when the fields change: an index of another format is rebuilt, not read."""
STATE_FILE = "state.json"
CURRENT_FILE = Path(".resume-etl") / "CURRENT"
SNIPPET_MAX_CHARS = 180
WRITER_HEAP_BYTES = 50_000_000
LOCK_RETRIES = 20
LOCK_WAIT_SECONDS = 0.25

FIELD_BOOSTS: dict[str, float] = {
    "name": 3.0,
    "headline": 2.0,
    "skills": 2.0,
    "roles": 2.0,
    "organizations": 1.5,
    "schools": 1.2,
    "projects": 1.2,
    "text": 1.0,
}
"""How much a match in each field weighs against one in the body text."""
STEMMED = frozenset({"headline", "roles", "projects", "text"})
"""Fields matched on English stems ('payments' finds 'payment'); names are matched as written."""


@dataclass(frozen=True)
class SearchHit:
    """One ranked profile, with a snippet and where the query words are inside it."""

    doc_id: str
    person: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    """``[start, end)`` offsets of query words inside ``snippet``."""


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("doc_id", stored=True, tokenizer_name="raw")
    builder.add_text_field("person", stored=True, index_option="basic")
    for field in FIELD_BOOSTS:
        tokenizer = "en_stem" if field in STEMMED else "default"
        builder.add_text_field(field, stored=field == "text", tokenizer_name=tokenizer)
    return builder.build()


def _document(profile: IndexedProfile) -> tantivy.Document:
    """What the engine indexes of one profile: weighted fields and the plain body text."""
    return tantivy.Document(
        doc_id=profile.doc_id,
        person=profile.name or profile.headline or profile.doc_id,
        name=profile.name or "",
        headline=profile.headline or "",
        skills=profile.skills,
        roles=profile.roles,
        organizations=profile.organizations,
        schools=profile.schools,
        projects=profile.projects,
        text=profile.text,
    )


def open_index(tables_dir: Path | str, rebuild: bool = False) -> tantivy.Index:
    """The index of ``tables_dir``, brought up to date with its committed run.

    Kept on disk when the output folder has a run's state folder and can be written; otherwise
    built in memory for this call. The table reader (pyarrow) is imported only to update: a
    search on a current index needs none of it, which keeps the command's start-up short.
    """
    folder = Path(tables_dir)
    require_tables(folder)
    run_id = _current_run(folder)
    location = folder / INDEX_DIR
    state = _state(location)
    current_index = state.get("format") == INDEX_FORMAT and state.get("run_id") == run_id
    if run_id is not None and current_index and not rebuild:
        return tantivy.Index.open(str(location))
    from resume_etl.exports import _search_rows as rows  # noqa: PLC0415

    if run_id is None or not _writable(location):
        return build_index(rows.indexed_profiles(folder))
    if rebuild or state.get("format") != INDEX_FORMAT:
        _clear(location)
        state = {}
    index = tantivy.Index(_schema(), path=str(location))
    indexed = state.get("doc_ids")
    known = {str(doc_id) for doc_id in indexed} if isinstance(indexed, list) else set()
    current = rows.document_ids(folder)
    added = rows.indexed_profiles(folder, set(current) - known) if set(current) - known else []
    _update(index, added, known - set(current), location, {"run_id": run_id, "doc_ids": current})
    return index


def _update(
    index: tantivy.Index,
    added: Sequence[IndexedProfile],
    removed: Iterable[str],
    location: Path,
    state: dict[str, object],
) -> None:
    """Add the documents the index lacks, delete the ones the run dropped, record the run."""
    writer = _writer(index)
    for doc_id in removed:
        writer.delete_documents_by_term("doc_id", doc_id)
    for profile in added:
        writer.add_document(_document(profile))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    temporary = location / f".{STATE_FILE}.tmp"
    temporary.write_text(json.dumps({"format": INDEX_FORMAT, **state}), "utf-8")
    temporary.replace(location / STATE_FILE)


def _writer(index: tantivy.Index) -> tantivy.IndexWriter:
    """The index's one writer; another search updating it at the same moment is waited for."""
    for _ in range(LOCK_RETRIES):
        try:
            return index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)
        except ValueError:  # the lock file of the other writer
            time.sleep(LOCK_WAIT_SECONDS)
    return index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)


def build_index(profiles: Iterable[IndexedProfile]) -> tantivy.Index:
    """An index of ``profiles`` in memory (where the output folder keeps none)."""
    index = tantivy.Index(_schema())
    writer = index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)
    for profile in profiles:
        writer.add_document(_document(profile))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def _current_run(folder: Path) -> str | None:
    try:
        return (folder / CURRENT_FILE).read_text("utf-8").strip() or None
    except OSError:
        return None


def _writable(location: Path) -> bool:
    try:
        location.mkdir(parents=True, exist_ok=True)
        probe = location / ".probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return False
    return True


def _state(location: Path) -> dict[str, object]:
    try:
        state = json.loads((location / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _clear(location: Path) -> None:
    """Empty the index folder (its own files only: nothing else is kept there)."""
    for path in location.iterdir():
        if path.is_file():
            path.unlink()


def search_profiles(
    tables_dir: Path | str,
    query: str,
    limit: int = 10,
    *,
    match_any: bool = False,
    rebuild: bool = False,
) -> list[SearchHit]:
    """The ``limit`` best profiles of ``tables_dir`` for ``query``, best first.

    A ``limit`` under 1 asks for nothing (Tantivy would panic at 0 and overflow below it).
    """
    if not query.strip() or limit < 1:
        return []
    return search_index(open_index(tables_dir, rebuild=rebuild), query, limit, match_any=match_any)


def search_index(
    index: tantivy.Index, query: str, limit: int = 10, *, match_any: bool = False
) -> list[SearchHit]:
    """The ``limit`` best profiles of ``index`` for ``query``, best first, with snippets."""
    parsed, _ = index.parse_query_lenient(
        query,
        default_field_names=list(FIELD_BOOSTS),
        field_boosts=FIELD_BOOSTS,
        conjunction_by_default=not match_any,
    )
    searcher = index.searcher()
    snippets = tantivy.SnippetGenerator.create(searcher, parsed, index.schema, "text")
    snippets.set_max_num_chars(SNIPPET_MAX_CHARS)
    hits = []
    for score, address in searcher.search(parsed, limit).hits:
        stored = searcher.doc(address)
        snippet, highlights = _snippet(snippets.snippet_from_doc(stored), stored)
        hits.append(
            SearchHit(
                doc_id=str(stored.get_first("doc_id")),
                person=str(stored.get_first("person")),
                score=float(score),
                snippet=snippet.replace("\n", " "),
                highlights=highlights,
            )
        )
    return hits


def _snippet(
    snippet: tantivy.Snippet, stored: tantivy.Document
) -> tuple[str, list[tuple[int, int]]]:
    """The engine's fragment with character offsets (it counts UTF-8 bytes); the opening of the
    text when the words matched only other fields (a skill, a title)."""
    fragment = snippet.fragment()
    if not fragment:
        text = str(stored.get_first("text") or "")
        cut = text[:SNIPPET_MAX_CHARS]
        return (cut.rsplit(" ", 1)[0] if len(text) > SNIPPET_MAX_CHARS else cut), []
    encoded = fragment.encode("utf-8")

    def characters(offset: int) -> int:
        return len(encoded[:offset].decode("utf-8", errors="ignore"))

    return fragment, [(characters(r.start), characters(r.end)) for r in snippet.highlighted()]
