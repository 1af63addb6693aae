"""Lexicon forms at the end of a CJK word (``nlp/word_ends.py``): one token, one match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from resume_etl.nlp import labels
from resume_etl.nlp.word_ends import WordEndMatcher


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def _matcher(nlp: Language, tmp_path: Path, rows: list[dict[str, object]]) -> WordEndMatcher:
    path = tmp_path / "ends.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return WordEndMatcher(nlp, labels.ORG_KEYWORDS, str(path))


_ROWS: list[dict[str, object]] = [
    {"name": "大学", "aliases": ["学院"], "category": "academic"},
    {"name": "公司", "aliases": ["集团"], "category": "company"},
    {"name": "有限公司", "aliases": ["株式会社"], "category": "legal_form", "value": "either_end"},
]


def _matches(nlp: Language, matcher: WordEndMatcher, text: str) -> list[tuple[str, str, str]]:
    doc = matcher(nlp(text))
    return [
        (span.text, span.label_, span._.get(labels.CATEGORY_ATTR))
        for span in doc.spans.get(labels.ORG_KEYWORDS, [])
    ]


def test_a_word_ending_in_a_form_is_one_match_with_its_category(
    blank: Language, tmp_path: Path
) -> None:
    matcher = _matcher(blank, tmp_path, _ROWS)
    assert _matches(blank, matcher, "清华大学 , 华为技术有限公司") == [
        ("清华大学", "大学", "academic"),
        ("华为技术有限公司", "有限公司", "legal_form"),
    ]


def test_an_either_end_form_opens_a_name_too_and_others_only_close_one(
    blank: Language, tmp_path: Path
) -> None:
    matcher = _matcher(blank, tmp_path, _ROWS)
    opened = "株式会社ミドリ"
    assert _matches(blank, matcher, opened) == [(opened, "有限公司", "legal_form")]
    assert _matches(blank, matcher, "大学生活") == []


def test_latin_words_and_words_that_only_hold_a_form_inside_are_no_match(
    blank: Language, tmp_path: Path
) -> None:
    matcher = _matcher(blank, tmp_path, _ROWS)
    assert _matches(blank, matcher, "University 大学路 公司法") == []


@pytest.fixture(scope="module")
def shipped_shape(blank: Language, tmp_path_factory: pytest.TempPathFactory) -> WordEndMatcher:
    return _matcher(blank, tmp_path_factory.mktemp("ends"), _ROWS)


@given(stem=st.text(alphabet="一二三四五六七八九十山川田中", min_size=0, max_size=6))
def test_whatever_stands_before_it_the_longest_form_decides(
    blank: Language, shipped_shape: WordEndMatcher, stem: str
) -> None:
    found = _matches(blank, shipped_shape, stem + "有限公司")
    assert found == [(stem + "有限公司", "有限公司", "legal_form")]
