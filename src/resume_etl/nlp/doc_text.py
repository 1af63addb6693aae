"""A ``Doc``'s text, read once per document.

``Doc.text`` is not stored: spaCy joins it from every token on each access, making a ``Token``
object per token. Components and the extract stage each read the text, several times per
document, and that alone cost a quarter of a run's time. The text of a ``Doc`` never changes
after tokenization (retokenizing merges or splits tokens, never characters), so it is safe to
keep it in the document's user data the first time it is read.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "resume_etl.text"


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


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text`` as the document's text when the caller built the ``Doc`` from it (spares
    the first join, which makes a ``Token`` per token)."""
    doc.user_data[_KEY] = text
