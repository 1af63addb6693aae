from __future__ import annotations

from pathlib import Path

import pytest

from resume_etl.exports.local_search import BM25Index, SearchHit, search_profiles


def test_rare_term_outranks_common_term() -> None:
    index = BM25Index(["kafka python", "python java", "python go"])
    kafka_doc, python_doc, _ = index.scores(["kafka"])
    assert kafka_doc > 0
    assert python_doc == 0
    assert index.idf("kafka") > index.idf("python")


def test_repeated_term_scores_higher_with_diminishing_returns() -> None:
    once, twice, thrice = BM25Index(["go x x x", "go go x x", "go go go x"]).scores(["go"])
    assert once < twice < thrice
    assert thrice - twice < twice - once


def test_profiles_without_any_query_word_are_not_returned(raw_tables_dir: Path) -> None:
    assert search_profiles(raw_tables_dir, "zyzzyva") == []


@pytest.fixture(scope="module")
def kafka_hits(raw_tables_dir: Path) -> list[SearchHit]:
    return search_profiles(raw_tables_dir, "Kafka", limit=5)


def test_hits_are_ranked_best_first(kafka_hits: list[SearchHit]) -> None:
    scores = [hit.score for hit in kafka_hits]
    assert scores == sorted(scores, reverse=True)
    assert len(kafka_hits) >= 2


def test_snippet_highlights_every_query_word_it_shows(kafka_hits: list[SearchHit]) -> None:
    for hit in kafka_hits:
        assert hit.highlights
        for start, end in hit.highlights:
            assert hit.snippet[start:end].lower() == "kafka"


def test_snippet_is_short(kafka_hits: list[SearchHit]) -> None:
    assert all(len(hit.snippet) <= 180 for hit in kafka_hits)


def test_limit_caps_the_number_of_hits(raw_tables_dir: Path) -> None:
    assert len(search_profiles(raw_tables_dir, "experience", limit=2)) == 2
