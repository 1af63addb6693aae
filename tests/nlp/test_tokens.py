"""Tokenizing stays linear on long runs of symbols and gives the tokenizer's own tokens."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.util import compile_suffix_regex

from resume_etl.nlp import tokens
from resume_etl.nlp.doc_text import doc_text
from resume_etl.nlp.tokens import (
    MAX_RUN_CHARS,
    SUFFIX_WINDOW,
    WindowedSuffixSearch,
    bound_tokenizer,
    make_doc,
    split_link_junctions,
    split_tag_edges,
)

_PLAIN = English()
_BOUNDED = English()
bound_tokenizer(_BOUNDED)

_AFFIXES = st.text(alphabet="🚀✨$(#'.,-!?)]\"a1Z%° ", max_size=3 * SUFFIX_WINDOW)


def _tokens(nlp: English, text: str) -> list[str]:
    return [token.text for token in nlp.make_doc(text)]


@given(_AFFIXES)
def test_the_windowed_suffix_search_gives_the_tokenizers_own_tokens(text: str) -> None:
    assert _tokens(_BOUNDED, text) == _tokens(_PLAIN, text)


def test_a_suffix_longer_than_the_window_is_still_found_whole() -> None:
    text = "word" + "." * (SUFFIX_WINDOW * 2)
    assert _tokens(_BOUNDED, text) == _tokens(_PLAIN, text) == ["word", "." * SUFFIX_WINDOW * 2]


def test_bounding_twice_keeps_one_window_and_the_tokenizer_still_serializes() -> None:
    bound_tokenizer(_BOUNDED)
    search = _BOUNDED.tokenizer.suffix_search
    assert isinstance(search, WindowedSuffixSearch)
    assert not isinstance(search.__self__, WindowedSuffixSearch)
    restored = English().tokenizer.from_bytes(_BOUNDED.tokenizer.to_bytes())
    assert restored.suffix_search("word.") is not None


def test_a_run_longer_than_the_cap_is_tokenized_in_pieces_with_the_same_text() -> None:
    run = "🚀✨" * MAX_RUN_CHARS  # 2,000 affix characters without a space
    text = f"Jane Doe\n{run} Berlin, Germany"
    doc = make_doc(_BOUNDED, text)
    assert doc.text == doc_text(doc) == text
    assert [token.text for token in doc if token.idx >= text.index("Berlin")] == [
        "Berlin",
        ",",
        "Germany",
    ]
    run_tokens = [token for token in doc if text.index(run) <= token.idx < text.index(" Berlin")]
    assert "".join(token.text for token in run_tokens) == run
    assert all(len(token.text) == 1 for token in run_tokens)  # each emoji its own token, as before


@given(st.text(alphabet="ab.🚀 \n", max_size=60))
def test_without_long_runs_make_doc_is_the_tokenizers_doc(text: str) -> None:
    assert [token.text for token in make_doc(_BOUNDED, text)] == _tokens(_BOUNDED, text)


def _suffix_length(found: re.Match[str] | None) -> int:
    return found.end() - found.start() if found is not None else 0


@given(st.lists(_AFFIXES, max_size=30))
def test_a_remembered_suffix_search_answers_as_a_fresh_one(texts: list[str]) -> None:
    """Each string asked twice, through a memory small enough to be emptied along the way."""
    pattern = compile_suffix_regex(English.Defaults.suffixes or ())
    remembering = WindowedSuffixSearch(pattern)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "MEMO_SIZE", 4)
        for text in texts + texts:
            fresh = WindowedSuffixSearch(pattern)
            assert _suffix_length(remembering(text)) == _suffix_length(fresh(text))
            assert len(remembering._memo) <= 4


def test_a_linked_names_last_word_is_a_token_of_its_own() -> None:
    nlp = English()
    split_link_junctions(nlp)
    text = "Analyst at [**Harbor Bank**](https://harbor.example) and [Quillon, Inc.](http://q.example/)"
    found = _tokens(nlp, text)
    assert {"Bank", "Inc.", "https://harbor.example", "http://q.example/"} <= set(found)
    assert _tokens(English(), text) != found  # the plain tokenizer glues "Inc.](http://..."


def test_splitting_link_junctions_twice_adds_the_rule_once() -> None:
    nlp = English()
    split_link_junctions(nlp)
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    split_link_junctions(nlp)
    assert nlp.tokenizer.infix_finditer.__self__.pattern == pattern
    assert _tokens(nlp, "word-word x](y") == [*_tokens(English(), "word-word x"), "]", "(", "y"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("<b>Backend Engineer</b>, Brindle Networks", {"Backend", "Engineer", "Brindle"}),
        ('Quillon Labs <span class="date">2019 – 2020</span>', {"Labs", "2019", "2020"}),
        ("<em>Data Analyst</em><br/>Northfield", {"Data", "Analyst", "Northfield"}),
    ],
)
def test_a_word_wrapped_in_an_html_tag_is_a_token_of_its_own(text: str, words: set[str]) -> None:
    nlp = English()
    split_tag_edges(nlp)
    assert words <= set(_tokens(nlp, text))
    assert not words <= set(_tokens(English(), text))  # the plain tokenizer glues "Engineer</b"


def test_a_comparison_is_no_tag_and_both_rules_are_added_once() -> None:
    nlp = English()
    for _ in range(2):
        split_link_junctions(nlp)
        split_tag_edges(nlp)
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    assert pattern.count("\\](?=\\()") == 1
    assert pattern.count("</?[A-Za-z]") == 1
    assert _tokens(nlp, "if a < b then") == _tokens(English(), "if a < b then")
