"""Lexicon words at the end of a word written without spaces: Chinese, Japanese, Korean.

Chinese and Japanese write no space between words, and the tokenizer keeps a run of their
letters as one token: "华为技术有限公司" (Huawei Technologies Co., Ltd.), "高级软件工程师"
(senior software engineer), "清华大学" (Tsinghua University). The head of such a name is its
last word, as in English ("Brightpath Media", "Marketing Intern"): a company ends in 公司 or
集团, a school in 大学 or 学院, a job title in 工程师 or 经理, a degree in 学士 or 博士. So a
token of those scripts that ends in a lexicon form is a match of that entry, the whole token
its span, in the same span group as the phrase lexicons' matches: every reader of a
"University" or an "Engineer" reads these too. A few legal forms open a Japanese or Korean
name as often as they close it ("株式会社…", "…株式会社"): an entry whose ``value`` is
``either_end`` matches at both ends.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from resume_etl.nlp import labels
from resume_etl.nlp.components import LexiconMatcher
from resume_etl.nlp.word_shape import CJK_LETTERS

__all__ = ["WordEndMatcher"]

_CJK_TOKEN = re.compile(rf"[{CJK_LETTERS}]{{2,}}")
_CJK_LETTER = re.compile(rf"[{CJK_LETTERS}]")
EITHER_END = "either_end"


class WordEndMatcher(LexiconMatcher):
    """Entries of a JSONL lexicon matched at the end (or either end) of a CJK token."""

    def __init__(self, nlp: Language, span_key: str, lexicon: str) -> None:
        super().__init__(nlp, span_key, lexicon)

    def _build(self) -> None:
        self.categories = {entry.label: entry.category for entry in self.entries}
        self._ends: dict[str, str] = {}
        self._starts: dict[str, str] = {}
        for entry in self.entries:
            for form in entry.forms:
                self._ends.setdefault(form, entry.label)
                if entry.value == EITHER_END:
                    self._starts.setdefault(form, entry.label)
        self._longest = max((len(form) for form in self._ends), default=0)

    def __call__(self, doc: Doc) -> Doc:
        if _CJK_LETTER.search(doc.text) is None:  # one scan of the text, not one per token
            return doc
        found = [
            self._span(doc, token.i, label)
            for token in doc
            if _CJK_TOKEN.fullmatch(token.text)
            and (label := self._label_of(token.text)) is not None
        ]
        if not found:
            return doc
        if self.span_key in doc.spans:
            found.extend(doc.spans[self.span_key])
        doc.spans[self.span_key] = sorted(filter_spans(found), key=lambda span: span.start)
        return doc

    def _label_of(self, word: str) -> str | None:
        """The entry of the longest form ``word`` ends with (or, for an either-end entry, opens
        with); None when none does."""
        for size in range(min(self._longest, len(word)), 0, -1):
            label = self._ends.get(word[-size:]) or self._starts.get(word[:size])
            if label is not None:
                return label
        return None

    def _span(self, doc: Doc, index: int, label: str) -> Span:
        span = Span(doc, index, index + 1, label=label)
        span._.set(labels.CATEGORY_ATTR, self.categories.get(label))
        return span


@Language.factory(
    "resume_etl_word_ends_v1",
    default_config={"span_key": "lexicon", "lexicon": ""},
    assigns=["doc.spans", f"span._.{labels.CATEGORY_ATTR}"],
)
def make_word_ends(nlp: Language, name: str, span_key: str, lexicon: str) -> WordEndMatcher:
    return WordEndMatcher(nlp, span_key, lexicon)
