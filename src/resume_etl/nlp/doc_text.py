"""A ``Doc``'s text, read once per document.

``Doc.text`` is not stored: spaCy joins it from every token on each access, making a ``Token``
object per token. Components and the extract stage each read the text, several times per
document, and that alone cost a quarter of a run's time. The text of a ``Doc`` never changes
after tokenization (retokenizing merges or splits tokens, never characters), so it is safe to
keep it in the document's user data the first time it is read.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_KEY = "resume_etl.text"


def tokenized(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` with its text already kept: spaCy's tokenizer loses no character,
    so the ``Doc``'s text is ``text`` and need not be joined from its tokens even once."""
    doc = nlp.make_doc(text)
    doc.user_data[_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    """The document's text, joined from its tokens on the first call only."""
    cached = doc.user_data.get(_KEY)
    if isinstance(cached, str) and len(cached) == _length(doc):
        return cached
    text: str = doc.text
    doc.user_data[_KEY] = text
    return text


def _length(doc: Doc) -> int:
    """The text's length from the last token alone (a cheap check that the cache still fits)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx) + len(last.text_with_ws)
