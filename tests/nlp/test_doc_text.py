"""``doc_text`` gives ``Doc.text`` and keeps it, so components stop rebuilding it per access."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from spacy.lang.en import English

from resume_etl.nlp.doc_text import doc_text
from resume_etl.nlp.tokens import make_doc

_NLP = English()


@given(st.text(max_size=200))
def test_doc_text_equals_the_text_spacy_joins(text: str) -> None:
    doc = _NLP.make_doc(text)
    assert doc_text(doc) == doc.text
    assert doc_text(doc) == doc.text  # the second read comes from the cache, still equal


def test_a_stale_cache_is_not_trusted() -> None:
    doc = _NLP.make_doc("Led a team of 5")
    doc.user_data["resume_etl.text"] = "something else entirely"
    assert doc_text(doc) == "Led a team of 5"


@given(st.text(max_size=200))
def test_a_tokenized_doc_keeps_the_text_it_was_made_from(text: str) -> None:
    doc = make_doc(_NLP, text)
    assert doc_text(doc) == text == doc.text
