"""Training windows for the résumé entity model: short texts, as the pipeline reads them, with
what is known about their organizations.

The entity recognizer runs on windows (``nlp/focus.py``): entry header lines and the profile's
top lines. So the model learns from the same shape: a window is one line of a dotin résumé as
ingest reads it (escapes decoded, line breaks restored: ``stages/normalize``), or one entry's
header block (its consecutive header lines) or top line of a JSON Resume file rendered in the
evaluation's layouts. Each window carries character spans of three kinds:

- ``orgs``: employers and schools ("Companies worked at", "College Name"; ``work.name``,
  ``education.institution``), taught as ORG;
- ``persons``: the person's name ("Name"; ``basics.name``), taught as PERSON;
- ``places``: each comma-separated part of a place ("Location"; a job's and the person's
  ``location``), taught as a place (GPE, or the base model's LOC/FAC when it read the part
  so), which keeps the places the extract stage reads in header lines and top lines;
- ``not_orgs``: titles, degrees, fields and skills ("Designation", "Degree", the skill labels;
  ``position``, ``studyType``, ``area``, ``basics.label``), taught as no entity at all.

Everything else in a window is *unknown* here (the dotin annotators did not tag every mention);
``training/entities.py`` decides what the model is told about it.

Only *dev* files are read (the evaluation's split, seed and near-duplicate groups), and each
dev unit (a person, or a dotin near-duplicate group) is in the held-out fold or the training
fold by its own hash (:func:`in_held_out_fold`), so model selection never reads the untouched
half and the held-out scores are on people the model did not train on.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from resume_etl.evaluation.real.data import DotinSpan, jsonresume_files, read_dotin
from resume_etl.evaluation.real.dotin import as_read
from resume_etl.evaluation.real.facts import ResumeFacts, read_facts
from resume_etl.evaluation.real.render import POOLED_LAYOUTS, Layout
from resume_etl.evaluation.real.split import Half, half_of, near_duplicate_groups
from resume_etl.nlp.line_roles import HEADER_ROLES
from resume_etl.stages.normalize import normalize
from resume_etl.training.weak_labels import variant

ORG_LABELS = frozenset({"Companies worked at", "College Name"})
PERSON_LABELS = frozenset({"Name"})
PLACE_LABELS = frozenset({"Location"})
NOT_ORG_LABELS = frozenset(
    {"Designation", "Degree", "Tech Tools", "Job Specific Skills", "Soft Skills"}
)
"""dotin labels whose words are no organization (a title, a degree, a skill)."""
HELD_OUT_FOLDS = 4
"""One dev unit in this many is held out for model selection and the card's scores."""
MAX_WINDOW_CHARS = 400
"""Longer lines are prose, where the pipeline never runs the recognizer: left out."""

Spans = list[tuple[int, int]]


@dataclass(slots=True)
class Window:
    """One text the model reads, with the spans known to be (or not to be) entities."""

    source: str
    unit: str
    text: str
    orgs: Spans = field(default_factory=list)
    persons: Spans = field(default_factory=list)
    places: Spans = field(default_factory=list)
    not_orgs: Spans = field(default_factory=list)

    def has_gold(self) -> bool:
        return bool(self.orgs or self.persons or self.places or self.not_orgs)

    def annotated(self) -> Spans:
        """Every span whose label is known here."""
        return [*self.orgs, *self.persons, *self.places, *self.not_orgs]


@dataclass(frozen=True, slots=True)
class WindowSets:
    """The dev windows by fold, and how many units and spans went where."""

    train: list[Window]
    held_out: list[Window]
    units: dict[str, dict[str, int]]
    unplaced_spans: int


def in_held_out_fold(unit_key: str, seed: int) -> bool:
    """Whether a dev unit is held out: one in ``HELD_OUT_FOLDS``, by a hash of its key that is
    independent of the dev/untouched split's."""
    digest = hashlib.sha256(f"entities:{seed}:{unit_key}".encode()).digest()
    return digest[-1] % HELD_OUT_FOLDS == 0


def span_pattern(value: str) -> re.Pattern[str] | None:
    """A span's words as ingest reads them, any whitespace between them."""
    words = normalize(as_read(value))[0].split()
    if not words:
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    before = r"(?<!\w)" if words[0][0].isalnum() else ""
    after = r"(?!\w)" if words[-1][-1].isalnum() else ""
    return re.compile(before + body + after)


def lines_of(text: str) -> Iterator[tuple[int, int]]:
    """The ``[start, end)`` of each non-blank line, without its leading and trailing spaces."""
    for found in re.finditer(r"[^\n]+", text):
        content = found.group()
        stripped = content.strip()
        if stripped:
            start = found.start() + len(content) - len(content.lstrip())
            yield start, start + len(stripped)


def _place(window_of: list[tuple[int, int, Window]], start: int, end: int) -> tuple[Window, int]:
    """The window wholly holding ``[start, end)`` and the offset of its text, if any."""
    for line_start, line_end, window in window_of:
        if line_start <= start and end <= line_end:
            return window, line_start
    raise LookupError


def dotin_windows(data_dir: Path, seed: int, limit: int | None = None) -> WindowSets:
    """The dev half's dotin résumés as line windows with their annotated spans."""
    documents = read_dotin(data_dir)
    groups = near_duplicate_groups({document.id: document.text for document in documents})
    train: list[Window] = []
    held_out: list[Window] = []
    counts = {"train": 0, "held_out": 0}
    unplaced = 0
    for document in documents:
        group = groups[document.id]
        if half_of(group, seed) is not Half.DEV:
            continue
        fold = "held_out" if in_held_out_fold(group, seed) else "train"
        if limit is not None and counts[fold] >= limit:
            continue
        counts[fold] += 1
        text = normalize(document.text)[0]
        lines = [
            (start, end, Window("dotin", group, text[start:end]))
            for start, end in lines_of(text)
            if end - start <= MAX_WINDOW_CHARS
        ]
        unplaced += _place_dotin_spans(document.spans, text, lines)
        (held_out if fold == "held_out" else train).extend(w for *_, w in lines if w.has_gold())
    units = {"dotin": counts}
    return WindowSets(train, held_out, units, unplaced)


def _place_dotin_spans(
    spans: Iterable[DotinSpan], text: str, lines: list[tuple[int, int, Window]]
) -> int:
    """Each annotated span found in the text as read (in order), put into its line's window;
    the number of spans left out: found nowhere, across a line break, or in a line longer
    than ``MAX_WINDOW_CHARS``."""
    cursor, unplaced = 0, 0
    for span in spans:
        target = _target(span.label)
        pattern = span_pattern(span.text) if target is not None else None
        if target is None or pattern is None:
            continue
        found = pattern.search(text, cursor) or pattern.search(text)
        if found is None:
            unplaced += 1
            continue
        cursor = found.end()
        try:
            window, offset = _place(lines, found.start(), found.end())
        except LookupError:
            unplaced += 1
            continue
        start, end = found.start() - offset, found.end() - offset
        if target == "places":
            window.places += place_parts(window.text, start, end)
        else:
            getattr(window, target).append((start, end))
    return unplaced


def place_parts(text: str, start: int, end: int) -> Spans:
    """The comma-separated parts of the place at ``[start, end)`` that start with a capital
    ("Leeds, West Yorkshire, UK": three places, as the base model reads them)."""
    parts = []
    for found in re.finditer(r"[^,]+", text[start:end]):
        part = found.group()
        stripped = part.strip()
        if stripped[:1].isupper():
            left = start + found.start() + len(part) - len(part.lstrip())
            parts.append((left, left + len(stripped)))
    return parts


def _target(label: str) -> str | None:
    if label in ORG_LABELS:
        return "orgs"
    if label in PERSON_LABELS:
        return "persons"
    if label in PLACE_LABELS:
        return "places"
    return "not_orgs" if label in NOT_ORG_LABELS else None


def jsonresume_windows(
    data_dir: Path,
    seed: int,
    variants: int = 0,
    limit: int | None = None,
    layouts: Sequence[Layout] = POOLED_LAYOUTS,
) -> WindowSets:
    """The dev half's JSON Resume files rendered in ``layouts``: each entry's header block and
    the top line, with the file's organizations, titles, degrees and name marked in them. The
    training fold also gets ``variants`` seeded redraws (wrap width, date style) of each
    layout, as the line-role model does (``weak_labels.variant``); the held-out fold is scored
    on the layouts as the evaluation prints them."""
    train: list[Window] = []
    held_out: list[Window] = []
    counts = {"train": 0, "held_out": 0}
    for path in jsonresume_files(data_dir):
        if half_of(path.stem, seed) is not Half.DEV:
            continue
        fold = "held_out" if in_held_out_fold(path.stem, seed) else "train"
        if limit is not None and counts[fold] >= limit:
            continue
        counts[fold] += 1
        facts = read_facts(path.stem, json.loads(path.read_text(encoding="utf-8")))
        drawn = variants if fold == "train" else 0
        windows = [
            window
            for layout in layouts
            for redrawn in _redrawn(layout, facts.id, drawn, seed)
            for window in rendered_windows(redrawn, facts)
        ]
        (held_out if fold == "held_out" else train).extend(w for w in windows if w.has_gold())
    return WindowSets(train, held_out, {"jsonresume": counts}, 0)


def _redrawn(layout: Layout, unit: str, variants: int, seed: int) -> list[Layout]:
    """The layout and ``variants`` redraws of it, seeded as the line-role model's are."""
    rng = random.Random(f"{seed}:{unit}:{layout.name}")
    return [layout, *(variant(layout, rng) for _ in range(variants))]


def rendered_windows(layout: Layout, facts: ResumeFacts) -> list[Window]:
    """One rendering's top line and header blocks, with the facts' strings marked in them."""
    tagged = layout.tagged(facts)
    blocks: list[list[str]] = [[tagged[0][0]]] if tagged else []
    current: list[str] = []
    for line, role in tagged[1:]:
        if role in HEADER_ROLES:
            current.append(line)
            continue
        if current:
            blocks.append(current)
        current = []
    if current:
        blocks.append(current)
    orgs = [v for v in (*(j.organization for j in facts.jobs), *_schools(facts)) if v]
    titles = [*(j.role for j in facts.jobs), *_degrees(facts), facts.person.label]
    windows = []
    for block in blocks:
        text = normalize("\n".join(block))[0].strip()
        if not text:
            continue
        window = Window(f"jsonresume:{layout.name}", facts.id, text)
        window.orgs = _occurrences(text, orgs)
        window.persons = _occurrences(text, [facts.person.name] if facts.person.name else [])
        window.not_orgs = _occurrences(text, [t for t in titles if t])
        places = [v for v in (*(j.location for j in facts.jobs), facts.person.location) if v]
        window.places = [
            part
            for start, end in _occurrences(text, places)
            if not _overlaps(start, end, window.orgs)
            for part in place_parts(text, start, end)
        ]
        windows.append(window)
    return windows


def _schools(facts: ResumeFacts) -> list[str | None]:
    return [school.institution for school in facts.schools]


def _degrees(facts: ResumeFacts) -> list[str | None]:
    return [v for school in facts.schools for v in (school.degree, school.field)]


def _overlaps(start: int, end: int, spans: Spans) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _occurrences(text: str, values: Iterable[str]) -> Spans:
    """Where each value occurs in ``text`` (longest values first, no overlaps)."""
    taken: Spans = []
    for value in sorted(set(values), key=len, reverse=True):
        pattern = span_pattern(value)
        if pattern is None:
            continue
        for found in pattern.finditer(text):
            if not any(found.start() < end and start < found.end() for start, end in taken):
                taken.append((found.start(), found.end()))
    return sorted(taken)
