"""Local search: all words by default, phrases, field weights, plain snippets, a kept index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.exports import _search_rows, local_search
from resume_etl.exports._plain import plain_text
from resume_etl.exports._search_rows import IndexedProfile
from resume_etl.exports.local_search import (
    INDEX_DIR,
    STATE_FILE,
    SearchHit,
    build_index,
    search_index,
    search_profiles,
)
from tests.conftest import RAW, make_document, run_folder


def _profile(text: str, skills: tuple[str, ...] = ()) -> IndexedProfile:
    return IndexedProfile(
        doc_id=make_document(text).doc_id, text=plain_text(text), skills=list(skills)
    )


CORPUS = [
    _profile("Built machine learning models for payments."),
    _profile("Learning to cook; operated a machine shop. Kafka streams."),
    _profile("Backend work on ledgers and settlement systems.", skills=("Kafka",)),
]


def _found(query: str, *, match_any: bool = False) -> list[str]:
    hits = search_index(build_index(CORPUS), query, match_any=match_any)
    return [next(p.text for p in CORPUS if p.doc_id == hit.doc_id) for hit in hits]


def test_every_word_must_match_unless_any_is_asked() -> None:
    assert _found("payments shop") == []
    assert len(_found("payments shop", match_any=True)) == 2


def test_a_quoted_phrase_matches_only_words_side_by_side() -> None:
    assert _found('"machine learning"') == [CORPUS[0].text]
    assert len(_found("machine learning")) == 2


def test_a_listed_skill_weighs_more_than_a_word_in_the_text() -> None:
    assert _found("kafka")[0] == CORPUS[2].text


def test_snippets_are_plain_text_with_the_query_words_highlighted() -> None:
    profile = _profile("## Skills\n**Kafka**, [Airflow](https://airflow.example) and *Spark*")
    (hit,) = search_index(build_index([profile]), "kafka airflow")
    assert "*" not in hit.snippet and "](" not in hit.snippet and "#" not in hit.snippet
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["Kafka", "Airflow"]


def test_plain_text_keeps_table_cells_apart() -> None:
    assert plain_text("| Go | Rust |\n|---|---|\n| C | D |") == "Go · Rust\n\nC · D"


def test_highlights_count_characters_not_bytes() -> None:
    (hit,) = search_index(build_index([_profile("Zürich café: Kafka")]), "kafka")
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["Kafka"]


def test_profiles_without_any_query_word_are_not_returned(raw_tables_dir: Path) -> None:
    assert search_profiles(raw_tables_dir, "zyzzyva") == []


@pytest.mark.parametrize("limit", [0, -5])
def test_a_limit_under_one_asks_for_nothing(raw_tables_dir: Path, limit: int) -> None:
    assert search_profiles(raw_tables_dir, "Kafka", limit=limit) == []


@pytest.fixture(scope="module")
def kafka_hits(raw_tables_dir: Path) -> list[SearchHit]:
    return search_profiles(raw_tables_dir, "Kafka", limit=5)


def test_hits_are_ranked_best_first(kafka_hits: list[SearchHit]) -> None:
    scores = [hit.score for hit in kafka_hits]
    assert scores == sorted(scores, reverse=True)
    assert len(kafka_hits) >= 2


def test_snippet_is_short(kafka_hits: list[SearchHit]) -> None:
    assert all(len(hit.snippet) <= local_search.SNIPPET_MAX_CHARS + 20 for hit in kafka_hits)


def test_limit_caps_the_number_of_hits(raw_tables_dir: Path) -> None:
    assert len(search_profiles(raw_tables_dir, "experience", limit=2)) == 2


def test_index_is_kept_and_updated_after_a_run_without_a_rebuild(
    config: PipelineConfig,
    nlp: Language,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for name in ("101_data_scientist_us.md", "109_lawyer_uk.txt"):
        shutil.copy(RAW / name, inputs / name)
    run_folder(config, nlp, inputs, out)
    first = search_profiles(out, "experience")
    state = json.loads((out / INDEX_DIR / STATE_FILE).read_text("utf-8"))
    assert state["run_id"] == (out / ".resume-etl" / "CURRENT").read_text("utf-8").strip()

    with monkeypatch.context() as patched:  # a current index is searched as it is
        patched.setattr(_search_rows, "indexed_profiles", _no_reading)
        assert search_profiles(out, "experience") == first

    edited = inputs / "109_lawyer_uk.txt"
    edited.write_text(edited.read_text("utf-8") + "\nQuokkawrangler certification\n", "utf-8")
    run_folder(config, nlp, inputs, out)
    read: list[object] = []
    reader = _search_rows.indexed_profiles

    def spy(folder: Path, doc_ids: object = None) -> list[IndexedProfile]:
        read.append(doc_ids)
        return reader(folder, doc_ids)  # type: ignore[arg-type]

    monkeypatch.setattr(_search_rows, "indexed_profiles", spy)
    (hit,) = search_profiles(out, "quokkawrangler")
    assert read == [{hit.doc_id}]  # only the edited document is read and added
    doc_ids = json.loads((out / INDEX_DIR / STATE_FILE).read_text("utf-8"))["doc_ids"]
    assert hit.doc_id in doc_ids and len(doc_ids) == 2
    assert len(search_profiles(out, "experience", match_any=True)) == 2


def _no_reading(*_: object) -> list[IndexedProfile]:
    raise AssertionError("the index was rebuilt from the tables")
