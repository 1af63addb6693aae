"""Where the entity recognizer reads: bounded per line, whatever a line's length."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from resume_etl.nlp import labels
from resume_etl.stages.extract.analysis import analyse
from resume_etl.stages.extract.entity_focus import MAX_ENTITY_RANGE_CHARS
from resume_etl.stages.segment import SegmentedDocument

Segment = Callable[[str], SegmentedDocument]


def _entity_ranges(nlp: Language, segmented: SegmentedDocument) -> list[tuple[int, int]]:
    doc = analyse(nlp, [segmented])[0].doc
    ranges: list[tuple[int, int]] = doc._.get(labels.ENTITY_RANGES_ATTR)
    return ranges


def test_a_top_line_longer_than_the_cap_is_read_up_to_the_cap(
    nlp: Language, segment_text: Segment
) -> None:
    long_line = "Jane Doe " + "🚀 ✨ " * MAX_ENTITY_RANGE_CHARS
    segmented = segment_text(f"{long_line}\nBerlin, Germany\n")
    ranges = _entity_ranges(nlp, segmented)
    assert (0, MAX_ENTITY_RANGE_CHARS) in ranges
    assert all(end - start <= MAX_ENTITY_RANGE_CHARS for start, end in ranges)


def test_no_entity_is_read_past_the_cap_of_a_long_line(
    nlp: Language, segment_text: Segment
) -> None:
    filler = "🚀 ✨ " * MAX_ENTITY_RANGE_CHARS
    segmented = segment_text(f"Jane Doe {filler}Berlin Germany Acme Corporation\n")
    doc = analyse(nlp, [segmented])[0].doc
    assert all(ent.end_char <= MAX_ENTITY_RANGE_CHARS + 10 for ent in doc.ents)


def test_a_stated_name_in_a_line_without_newlines_is_read_around_its_cue(
    nlp: Language, segment_text: Segment
) -> None:
    filler = "word " * MAX_ENTITY_RANGE_CHARS
    text = f"Summary\n{filler}I am JANE DOE and {filler}"
    segmented = segment_text(text)
    cue = text.index("I am")
    ranges = _entity_ranges(nlp, segmented)
    assert any(start <= cue < end for start, end in ranges)
    assert all(end - start <= MAX_ENTITY_RANGE_CHARS for start, end in ranges)
