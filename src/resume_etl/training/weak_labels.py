"""Weak labels without hand work: real ``resume.json`` files rendered in every layout, where
the renderer knows what each printed line is (``evaluation/real/render``).

Each rendering is read by the segmenter's own line splitter and section grouping, so the model
trains on exactly the lines (and shapes) it will be asked about; page furniture the rules
already drop is not shown to it. Variants redraw each layout's wrap width and date style from
a seeded generator, so the model sees more than six fixed shapes.
"""

from __future__ import annotations

import dataclasses
import random
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from resume_etl.evaluation.real.facts import ResumeFacts
from resume_etl.evaluation.real.render import Layout
from resume_etl.evaluation.real.render.dates import DateStyle, PointForm
from resume_etl.evaluation.real.split import Half, half_of
from resume_etl.nlp.line_roles import LineRole
from resume_etl.stages.layout import LineShape
from resume_etl.stages.normalize import normalize
from resume_etl.stages.segment import (
    Line,
    LineKind,
    SectionClassifier,
    is_prose,
    line_shapes,
    split_entries,
    split_lines,
)
from resume_etl.stages.segment.lines import is_continuation
from resume_etl.stages.segment.sections import group_by_heading
from resume_etl.stages.segment.timeline import is_date_only
from resume_etl.vocab import ENTRY_SECTION_KINDS

PAGED_LAYOUTS = frozenset({"pdf", "linkedin", "europass"})
"""Layouts that hard-wrap, so a variant may change their width."""
PERIOD_LINE_LAYOUTS = frozenset({"website"})
"""Layouts whose schools give the period a line of its own, so a variant may move it up."""
MARKUP_LAYOUTS = frozenset({"markdown"})
"""Layouts that set periods off with markup, so a variant may change the marks."""
WIDTHS = (60, 100)
"""The range a variant's wrap width is drawn from."""
_FORMS: tuple[PointForm, ...] = ("short", "numeric", "iso", "long", "year")
_DASHES = (" – ", " - ", " — ", "-", " to ")
_ONGOING = ("Present", "present", "now", "Current", "today")
_EMPHASES = (("*", "*"), ("_", "_"), ("**", "**"), ("(_", "_)"), ("", ""))
"""How a markdown variant sets its periods off: the evaluation's "*…*" and the other forms
real markdown CVs write ("_2015-2017_", "**2019**", "(_2018-Present_)", bare)."""


@dataclass(frozen=True, slots=True)
class LabeledDocument:
    """One rendering's lines as the segmenter sees them, each with its weak label."""

    layout: str
    shapes: tuple[LineShape, ...]
    roles: tuple[LineRole, ...]


def trainable(unit_key: str, seed: int) -> bool:
    """Whether a person's file may be trained on: *dev* under the evaluation's split (seed),
    so no file of the untouched half ever reaches the model."""
    return half_of(unit_key, seed) is Half.DEV


def variant(layout: Layout, rng: random.Random) -> Layout:
    """``layout`` with a wrap width, a date style and (markdown) the period's emphasis drawn
    from ``rng``."""
    form = rng.choice(_FORMS)
    dates = DateStyle(
        form,
        ongoing=rng.choice(_ONGOING),
        dash=rng.choice(_DASHES),
        since=form == "year" and rng.random() < 0.5,
    )
    width = rng.randint(*WIDTHS) if layout.name in PAGED_LAYOUTS else None
    # Drawn last, so the other layouts' variants are what they were before these draws.
    if layout.name in MARKUP_LAYOUTS:
        dates = dataclasses.replace(dates, emphasis=rng.choice(_EMPHASES))
    if layout.name in PERIOD_LINE_LAYOUTS:
        dates = dataclasses.replace(dates, period_second=rng.random() < 0.5)
    return dataclasses.replace(layout, dates=dates, width=width)


def label_rendering(
    layout: Layout, facts: ResumeFacts, classifier: SectionClassifier
) -> LabeledDocument:
    """The rendering's non-blank lines as the segmenter splits them, with their roles.

    The text goes through ingest's normalization first (bullets, dashes, spaces), as every
    document does before it is segmented; that keeps the lines one for one.
    """
    tagged = layout.tagged(facts)
    text, _repairs = normalize("\n".join(line for line, _role in tagged))
    lines, shapes = line_shapes(text, group_by_heading(split_lines(text), classifier))
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    roles = [tagged[bisect_right(starts, line.start) - 1][1] for line in lines]
    return LabeledDocument(layout.name, tuple(shapes), tuple(roles))


def weak_labels(
    people: Iterable[ResumeFacts],
    layouts: Sequence[Layout],
    classifier: SectionClassifier,
    variants: int = 0,
    seed: int = 0,
) -> list[LabeledDocument]:
    """Every person in every layout as printed, plus ``variants`` redrawn copies of each."""
    documents = []
    for facts in people:
        for layout in layouts:
            documents.append(label_rendering(layout, facts, classifier))
            rng = random.Random(f"{seed}:{facts.id}:{layout.name}")
            documents += [
                label_rendering(variant(layout, rng), facts, classifier) for _ in range(variants)
            ]
    return documents


def rule_labels(text: str, classifier: SectionClassifier) -> LabeledDocument:
    """A document's lines labelled by the segmentation rules alone.

    For the project's own gold documents (``tests/gold``), written and tuned with the rules,
    the rules' reading is right almost everywhere; it teaches the model the shapes the
    renderers never print (labelled fields, one-line entries, citations, a date column).
    """
    groups = group_by_heading(split_lines(text), classifier)
    role_at: dict[int, LineRole] = {}
    for kind, heading, body in groups:
        if heading is not None:
            role_at[heading.start] = LineRole.HEADING
        if kind not in ENTRY_SECTION_KINDS:
            for line in body:
                role_at[line.start] = _loose_role(line)
            continue
        entries, intro = split_entries(kind, body)
        for line in intro:
            role_at[line.start] = _loose_role(line)
        for entry in entries:
            for index, line in enumerate(entry.header):
                role_at[line.start] = _header_role(index, line)
            previous = None
            for line in entry.body:
                role_at[line.start] = _body_role(line, previous)
                previous = line
    lines, shapes = line_shapes(text, groups)
    roles = [role_at.get(line.start, LineRole.OTHER) for line in lines]
    return LabeledDocument("gold", tuple(shapes), tuple(roles))


def _header_role(index: int, line: Line) -> LineRole:
    if index == 0:
        return LineRole.ENTRY_START
    return LineRole.DATE_LINE if is_date_only(line) else LineRole.ENTRY_HEADER


def _body_role(line: Line, previous: Line | None) -> LineRole:
    if line.kind is LineKind.BULLET:
        return LineRole.BULLET
    if is_continuation(line, previous):
        return LineRole.CONTINUATION
    return LineRole.PROSE


def _loose_role(line: Line) -> LineRole:
    """A line outside any entry: a bullet, a paragraph's line, or something else."""
    if line.kind is LineKind.BULLET:
        return LineRole.BULLET
    return LineRole.PROSE if is_prose(line) else LineRole.OTHER
