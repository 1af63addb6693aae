"""resume-etl's spaCy pipeline components, registered as versioned factories.

Add them to any ``nlp`` (importing ``resume_etl`` registers them; the package's
``spacy_factories`` entry points let spaCy find them by name too)::

    nlp.add_pipe("resume_etl_lexicon_v1", name="skills",
                 config={"span_key": "skills", "lexicon": "path/to/skills.jsonl"})

Each component writes one span group (``doc.spans[KEY]``, keys in ``labels.py``); parsed values
ride on ``Span._`` extension attributes. Data (lexicons, matchers, the date parser) is built once
in ``__init__``, never per document. A changed behaviour gets a new ``_v2`` factory beside
``_v1`` (spaCy forbids dots in factory names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Optional

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from resume_etl.config import DateOrder, DateSettings
from resume_etl.dates import DateParser, document_date_order
from resume_etl.nlp import labels
from resume_etl.nlp.contacts import ContactFinder
from resume_etl.nlp.contacts import char_span as _char_span
from resume_etl.nlp.doc_text import doc_text
from resume_etl.nlp.metrics import MetricFinder
from resume_etl.wordlists import dump_lexicon, load_lexicon

for _attr in (
    labels.DATE_RANGE_ATTR,
    labels.METRIC_ATTR,
    labels.CATEGORY_ATTR,
    labels.CONTACT_ATTR,
):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)


class LexiconMatcher:
    """Phrase matches from a JSONL lexicon: case-sensitive entries match exactly, others by LOWER.

    Overlapping matches keep the longest (``C/C++`` over ``C``), and each span's label is the
    entry's canonical name with its category on ``Span._.resume_etl_category``.
    """

    def __init__(self, nlp: Language, span_key: str, lexicon: str) -> None:
        self.span_key = span_key
        self.lexicon_path = lexicon
        self.entries = load_lexicon(Path(lexicon))
        self._nlp = nlp
        self._build()

    def _build(self) -> None:
        self.categories: dict[str, str | None] = {e.label: e.category for e in self.entries}
        self._exact = PhraseMatcher(self._nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        for entry in self.entries:
            matcher = self._exact if entry.case_sensitive else self._lower
            forms = list(entry.forms)
            if not entry.case_sensitive:  # "M.S." and "m.s." may tokenize differently
                forms += [form.lower() for form in entry.forms if form.lower() != form]
            matcher.add(entry.label, [self._nlp.make_doc(form) for form in forms])

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            Span(doc, start, end, label=match_id)
            for matcher in (self._exact, self._lower)
            for match_id, start, end in matcher(doc)
        ]
        for span in spans:
            span._.set(labels.CATEGORY_ATTR, self.categories.get(span.label_))
        # Lexicons sharing a key share a group: a user's own skills join the shipped ones.
        if self.span_key in doc.spans:
            spans.extend(doc.spans[self.span_key])
        doc.spans[self.span_key] = sorted(filter_spans(spans), key=lambda span: span.start)
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        dump_lexicon(self.entries, path / "lexicon.jsonl")

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> LexiconMatcher:
        self.entries = load_lexicon(Path(path) / "lexicon.jsonl")
        self._build()
        return self


class DateFinder:
    """Date ranges and lone dates, parsed to typed values (``Span._.resume_etl_date_range``)."""

    def __init__(self, settings: DateSettings) -> None:
        self.settings = settings
        self._parsers: dict[DateOrder, DateParser] = {}

    def parser_for(self, text: str) -> DateParser:
        """The parser for a document's date order; one per order, built on first use."""
        order = document_date_order(text, self.settings)
        if order not in self._parsers:
            settings = self.settings.model_copy(update={"date_order": order})
            self._parsers[order] = DateParser(settings)
        return self._parsers[order]

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc_text(doc)
        for match in self.parser_for(text).find_ranges(text):
            span = _char_span(doc, match.start_char, match.end_char, labels.DATES)
            if span is not None:
                span._.set(labels.DATE_RANGE_ATTR, match)
                spans.append(span)
        doc.spans[labels.DATES] = spans
        return doc


class MetricSpans:
    """Impact metrics (``Span._.resume_etl_metric``), from ``MetricFinder``."""

    def __init__(self, nlp: Language) -> None:
        self.finder = MetricFinder(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        found, capped = self.finder.find(doc)
        for metric in found:
            span = _char_span(doc, metric.start_char, metric.end_char, labels.METRICS)
            if span is not None:
                span._.set(labels.METRIC_ATTR, metric)
                spans.append(span)
        doc.spans[labels.METRICS] = spans
        doc.spans[labels.METRICS].attrs[labels.METRICS_CAPPED] = capped
        return doc


_NAME_CUES: list[list[dict[str, Any]]] = [
    [{"LOWER": "i"}, {"LOWER": {"IN": ["am", "'m", "’m"]}}],
    [{"LOWER": {"IN": ["i'm", "i’m", "im"]}}],
    [{"LOWER": "my"}, {"LOWER": "name"}, {"LOWER": "is"}],
    [{"LOWER": {"IN": ["this", "it"]}}, {"LOWER": "is"}],
]
_MAX_NAME_TOKENS = 4


class PersonNameStatements:
    """Names a document states about its author: "I am Jane Doe", "My name is Jane"."""

    def __init__(self, nlp: Language) -> None:
        self._matcher = Matcher(nlp.vocab)
        self._matcher.add(labels.NAME_STATEMENT, _NAME_CUES)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for _, _, cue_end in self._cue_matches(doc):
            end = cue_end
            while end < len(doc) and end - cue_end < _MAX_NAME_TOKENS and _is_name_token(doc[end]):
                end += 1
            if end > cue_end:
                spans.append(Span(doc, cue_end, end, label=labels.NAME_STATEMENT))
        doc.spans[labels.PERSON_NAMES] = filter_spans(spans)
        return doc

    def _cue_matches(self, doc: Doc) -> Iterator[tuple[int, int, int]]:
        """The cue patterns' matches (token offsets in ``doc``), looked for only on the lines
        whose text may hold a cue: the ``Matcher`` walks every token it is given, and few
        lines state a name."""
        text = doc_text(doc)
        lines = {
            (text.rfind("\n", 0, match.start()) + 1, _line_end(text, match.end()))
            for match in _CUE_TEXT.finditer(text)
        }
        for start, end in sorted(lines):
            line = doc.char_span(start, end, alignment_mode="expand")
            if line is not None:
                for match_id, cue_start, cue_end in self._matcher(line):
                    yield match_id, line.start + cue_start, line.start + cue_end


_CUE_TEXT = re.compile(r"(?<![a-z])(?:i ?(?:am|'m|’m)|im|my name is|(?:this|it) is)", re.I)
"""Text every ``_NAME_CUES`` match holds (and more): its tokens are adjacent, so one space at
most lies between them."""


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _is_name_token(token: Any) -> bool:
    text: str = token.text
    return bool(
        token.is_alpha and text[:1].isupper() and not token.is_stop and not text.isupper()
    ) or bool(token.is_alpha and len(text) > 1 and text.isupper() and token.ent_type_ == "PERSON")


@Language.factory(
    "resume_etl_contacts_v1",
    default_config={"default_region": None},
    assigns=["doc.spans", f"span._.{labels.CONTACT_ATTR}"],
)
def make_contacts(
    nlp: Language,
    name: str,
    default_region: Optional[str],  # noqa: UP045  (spaCy's config resolver reads the hint)
) -> ContactFinder:
    """``default_region`` comes from the pipeline file's ``[extract.contacts]``."""
    return ContactFinder(default_region)


@Language.factory(
    "resume_etl_lexicon_v1",
    default_config={"span_key": "lexicon", "lexicon": ""},
    assigns=["doc.spans", f"span._.{labels.CATEGORY_ATTR}"],
)
def make_lexicon(nlp: Language, name: str, span_key: str, lexicon: str) -> LexiconMatcher:
    return LexiconMatcher(nlp, span_key, lexicon)


_DATE_DEFAULTS = DateSettings()


@Language.factory(
    "resume_etl_dates_v1",
    default_config={
        "languages": list(_DATE_DEFAULTS.languages),
        "date_order": _DATE_DEFAULTS.date_order,
        "date_order_from_document": _DATE_DEFAULTS.date_order_from_document,
        "two_digit_year_pivot": _DATE_DEFAULTS.two_digit_year_pivot,
        "current_words": list(_DATE_DEFAULTS.current_words),
        "reference_date": None,
        "future_horizon_months": _DATE_DEFAULTS.future_horizon_months,
    },
    assigns=["doc.spans", f"span._.{labels.DATE_RANGE_ATTR}"],
)
def make_dates(
    nlp: Language,
    name: str,
    languages: list[str],
    date_order: str,
    date_order_from_document: bool,
    two_digit_year_pivot: int,
    current_words: list[str],
    reference_date: Optional[str],  # noqa: UP045  (spaCy's config resolver reads the hint)
    future_horizon_months: int,
) -> DateFinder:
    """Every ``[extract.dates]`` setting reaches the parser, so flags use the run's reference date.

    The keys mirror ``DateSettings``; ``reference_date`` is an ISO date string (config values
    must be JSON) or null for the day the pipeline is built.
    """
    return DateFinder(
        DateSettings.model_validate(
            {
                "languages": languages,
                "date_order": date_order,
                "date_order_from_document": date_order_from_document,
                "two_digit_year_pivot": two_digit_year_pivot,
                "current_words": current_words,
                "reference_date": reference_date,
                "future_horizon_months": future_horizon_months,
            }
        )
    )


@Language.factory("resume_etl_metrics_v1", assigns=["doc.spans", f"span._.{labels.METRIC_ATTR}"])
def make_metrics(nlp: Language, name: str) -> MetricSpans:
    return MetricSpans(nlp)


@Language.factory("resume_etl_person_names_v1", requires=["token.ent_type"], assigns=["doc.spans"])
def make_person_names(nlp: Language, name: str) -> PersonNameStatements:
    return PersonNameStatements(nlp)
