"""The résumé-tuned recognizer names the employer where the rules only guessed one."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from resume_etl.nlp.entity_model import DEFAULT_ENTITY_MODEL, tuned_entities, use_entity_model
from resume_etl.stages.extract._entity_employer import employer_by_entities
from resume_etl.stages.extract._segments import HeaderSegment, SegmentKind
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.training.entities import BASE_MODEL

_BLANK = spacy.blank("en")


def _index(text: str, organizations: list[str], tuned: bool = True) -> SpanIndex:
    """A document whose recognizer read each of ``organizations`` as ORG."""
    doc: Doc = _BLANK(text)
    ents = []
    for name in organizations:
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label="ORG")
        assert span is not None
        ents.append(span)
    doc.ents = ents
    return SpanIndex(doc, tuned_entities=tuned)


def _piece(text: str, piece: str, kind: SegmentKind, confidence: float) -> HeaderSegment:
    start = text.index(piece)
    return HeaderSegment(piece, start, start + len(piece), kind, confidence)


TEXT = "Customer consultant\nsummer | Quorra pizza"


def _pieces() -> tuple[HeaderSegment, HeaderSegment, HeaderSegment]:
    role = _piece(TEXT, "Customer consultant", SegmentKind.ROLE, 0.9)
    guess = _piece(TEXT, "summer", SegmentKind.ORGANIZATION, 0.7)
    named = _piece(TEXT, "Quorra pizza", SegmentKind.UNKNOWN, 0.5)
    return role, guess, named


def test_a_guessed_employer_gives_way_to_the_one_piece_the_recognizer_names() -> None:
    role, guess, named = _pieces()
    organization, kept_role = employer_by_entities(
        _index(TEXT, ["Quorra pizza"]), [role, guess, named], guess, role
    )
    assert organization is not None
    assert (organization.text, organization.kind) == ("Quorra pizza", SegmentKind.ORGANIZATION)
    assert kept_role == role


def test_the_general_recognizer_has_no_say() -> None:
    role, guess, named = _pieces()
    spans = _index(TEXT, ["Quorra pizza"], tuned=False)
    assert employer_by_entities(spans, [role, guess, named], guess, role) == (guess, role)


def test_an_employer_a_lexicon_named_stays() -> None:
    role, _, named = _pieces()
    sure = _piece(TEXT, "summer", SegmentKind.ORGANIZATION, 0.9)
    spans = _index(TEXT, ["Quorra pizza"])
    assert employer_by_entities(spans, [role, sure, named], sure, role) == (sure, role)


def test_two_named_pieces_leave_the_choice_to_the_rules() -> None:
    text = "Lecturer\nsummer | Harbor Institute | Eastvale University"
    role = _piece(text, "Lecturer", SegmentKind.ROLE, 0.9)
    guess = _piece(text, "summer", SegmentKind.ORGANIZATION, 0.7)
    unit = _piece(text, "Harbor Institute", SegmentKind.UNKNOWN, 0.5)
    parent = _piece(text, "Eastvale University", SegmentKind.UNKNOWN, 0.5)
    spans = _index(text, ["Harbor Institute", "Eastvale University"])
    assert employer_by_entities(spans, [role, guess, unit, parent], guess, role) == (guess, role)


def test_a_guessed_title_that_is_one_organization_becomes_the_employer() -> None:
    text = "Brindle Cruise Lines\nOctober 2004 - June 2005"
    slot_title = _piece(text, "Brindle Cruise Lines", SegmentKind.ROLE, 0.7)
    organization, role = employer_by_entities(
        _index(text, ["Brindle Cruise Lines"]), [slot_title], None, slot_title
    )
    assert organization is not None and organization.text == "Brindle Cruise Lines"
    assert role is None


def test_a_title_a_lexicon_named_is_never_taken() -> None:
    text = "Platform Engineer"
    title = _piece(text, "Platform Engineer", SegmentKind.ROLE, 0.9)
    spans = _index(text, ["Platform Engineer"])
    assert employer_by_entities(spans, [title], None, title) == (None, title)


def test_loading_the_resume_model_marks_the_recognizer_tuned() -> None:
    nlp = spacy.load(BASE_MODEL)
    assert not tuned_entities(nlp)
    use_entity_model(nlp, "off")
    assert not tuned_entities(nlp)
    use_entity_model(nlp, DEFAULT_ENTITY_MODEL)
    assert tuned_entities(nlp)


def test_a_place_a_rule_is_sure_of_is_never_the_employer() -> None:
    text = "Frontend Developer\nHybrid, Germany"
    title = _piece(text, "Frontend Developer", SegmentKind.ROLE, 0.9)
    place = _piece(text, "Hybrid, Germany", SegmentKind.LOCATION, 0.8)
    spans = _index(text, ["Hybrid, Germany"])
    assert employer_by_entities(spans, [title, place], None, title) == (None, title)
