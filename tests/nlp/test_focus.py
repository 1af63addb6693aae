"""The focus component runs the model only where its annotations are read."""

from __future__ import annotations

import spacy
from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.nlp import labels
from resume_etl.nlp.focus import MAX_RANGE_TOKENS, capped, merged, token_windows

TEXT = (
    "Jane Doe\n"
    "Berlin, Germany\n"
    "Experience\n"
    "Software Engineer | Globex Corporation | Jan 2020 - Present\n"
    "- Reduced p99 latency by 40% across three services\n"
    "- Wrote the on-call runbooks with Microsoft and Google engineers\n"
)


def test_adding_the_focus_component_hands_it_the_models_pipes(nlp: Language) -> None:
    assert {"tok2vec", "tagger", "parser", "ner"} <= set(nlp.disabled)
    assert "resume_etl_focus_v1" in nlp.pipe_names


def test_without_ranges_every_entity_is_found_as_the_full_model_finds_it(
    nlp: Language, config: PipelineConfig
) -> None:
    full = spacy.load(config.extract.model)
    expected = [(ent.text, ent.label_) for ent in full(TEXT).ents]
    assert [(ent.text, ent.label_) for ent in nlp(TEXT).ents] == expected


def test_with_ranges_entities_are_read_only_there(nlp: Language) -> None:
    doc = nlp.make_doc(TEXT)
    header_start = TEXT.index("Software")
    doc._.set(labels.ENTITY_RANGES_ATTR, [(header_start, TEXT.index("\n", header_start))])
    doc = nlp(doc)
    assert doc.ents
    assert all(header_start <= ent.start_char < TEXT.index("- Reduced") for ent in doc.ents)


def test_by_default_nothing_is_parsed_and_metrics_still_have_their_meaning(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert not doc.has_annotation("TAG")
    assert not doc.has_annotation("DEP")
    (latency,) = [m for m in doc.spans[labels.METRICS] if m.text == "40%"]
    metric = latency._.get(labels.METRIC_ATTR)
    assert (metric.direction, metric.subject) == ("decrease", "p99 latency")


def test_only_lines_with_a_possible_metric_are_parsed(parsing_nlp: Language) -> None:
    doc = parsing_nlp(TEXT)
    metric_line = doc.char_span(TEXT.index("Reduced"), TEXT.index(" across"))
    plain_line = doc.char_span(TEXT.index("Wrote"), TEXT.index(" runbooks"))
    assert metric_line is not None and plain_line is not None
    assert all(token.tag_ for token in metric_line)
    assert not any(token.tag_ for token in plain_line)
    (latency,) = [m for m in doc.spans[labels.METRICS] if m.text == "40%"]
    assert latency._.get(labels.METRIC_ATTR).direction == "decrease"


def test_each_entity_range_is_cut_after_its_first_tokens_before_ranges_are_merged(
    nlp: Language,
) -> None:
    long_line = " ".join(["🚀"] * (3 * MAX_RANGE_TOKENS))
    text = f"{long_line}\n{long_line}\nJane Doe"
    doc = nlp.make_doc(text)
    second = len(long_line) + 1
    ranges = [(0, len(long_line)), (second, second + len(long_line)), (len(text) - 8, len(text))]
    cut = capped(doc, ranges)
    assert [start for start, _ in cut] == [start for start, _ in ranges]
    for start, end in cut:
        span = doc.char_span(start, end)
        assert span is not None and len(span) <= MAX_RANGE_TOKENS
    assert cut[2] == ranges[2]  # a short range is kept whole
    windows = token_windows(doc, merged(text, cut))
    assert sum(end - start for start, end in windows) <= 2 * MAX_RANGE_TOKENS + 2
