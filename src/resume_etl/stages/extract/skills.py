"""The skills table: lexicon skills mentioned anywhere, plus the items of skills lists."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span

from resume_etl.nlp import labels
from resume_etl.stages.extract._draft import SkillCandidate
from resume_etl.stages.extract._header import EDGE_JUNK
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.segment import Line, LineKind, Section, is_prose
from resume_etl.vocab import SectionKind, SkillSource
from resume_etl.wordlists import builtin_alternation, builtin_values

SKILL_WORDS_FILE = "skill_words.jsonl"
# No "^" in patterns used with match(text, pos): match() anchors at pos, "^" only at 0.
_LIST_LABEL = re.compile(r"\**([A-Z][\w&/+ .-]{1,40}):\**\s*")
_SKILLS_LABEL = re.compile(rf"(?i)\b(?:{builtin_alternation(SKILL_WORDS_FILE, 'skills_label')})$")
"""A list label that says its items are skills wherever the line is ("Skills: A · B")."""
_MIN_LISTED_ITEMS = 3
"""Separated items that make even a long line in a skills section a list, not prose."""
_MAX_ITEM_WORDS = 5


def _split_items(text: str, offset: int) -> list[tuple[int, int]]:
    """Comma/semicolon/bar/bullet separated items, not splitting inside parentheses."""
    items: list[tuple[int, int]] = []
    depth = 0
    item_start = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in ",;|•·" and depth == 0:
            items.extend(_trimmed_item(text, item_start, index, offset))
            item_start = index + 1
    items.extend(_trimmed_item(text, item_start, len(text), offset))
    return items


def _trimmed_item(text: str, start: int, end: int, offset: int) -> list[tuple[int, int]]:
    piece = text[start:end]
    stripped = piece.strip().rstrip(".")
    if not stripped:
        return []
    lead = len(piece) - len(piece.lstrip())
    return [(offset + start + lead, offset + start + lead + len(stripped))]


@dataclass(slots=True)
class _SkillDraft:
    name: str
    category: str | None
    group: str | None
    in_lexicon: bool
    spans: list[tuple[int, int]] = field(default_factory=list)
    in_skills_section: bool = False


def extract_skills(
    sections: Sequence[Section], spans: SpanIndex, categories: dict[str, str | None]
) -> tuple[SkillCandidate, ...]:
    """Lexicon skills mentioned anywhere, plus the items of skills-section lists."""
    text = spans.text
    drafts: dict[str, _SkillDraft] = {}
    for section in sections:
        in_skills = section.kind is SectionKind.SKILLS
        group = _heading_label(section)
        previous: Line | None = None
        for index, line in enumerate(section.lines):
            label = _LIST_LABEL.match(text, line.content_start, line.end)
            stated = _language_with_level(label, line, text) if in_skills else None
            if stated is not None:  # "Russian: reading" names one language, not a group
                label = None
            elif label and in_skills:
                group = label.group(1).strip()
            lexicon_spans = spans.within(labels.SKILLS, line.content_start, line.end)
            following = section.lines[index + 1] if index + 1 < len(section.lines) else None
            group_line = in_skills and label is None and _names_a_group(line, following, spans)
            if group_line:
                group = _group_name(line)
            labelled_skills = label is not None and _SKILLS_LABEL.search(label.group(1).strip())
            listing = not group_line and (
                stated is not None
                or (
                    line.kind is not LineKind.TABLE_ROW
                    and ((in_skills and _reads_as_list(line, text)) or bool(labelled_skills))
                )
            )
            if stated is not None:
                items = [stated]
            else:
                items = _list_items(line, label, spans) if listing else []
            for span in lexicon_spans:
                draft = drafts.setdefault(
                    span.label_.lower(),
                    _SkillDraft(span.label_, categories.get(span.label_), None, True),
                )
                draft.spans.append((span.start_char, span.end_char))
                covered = [(s.start_char, s.end_char) for s in lexicon_spans]
                in_list = (in_skills and not group_line) or bool(labelled_skills)
                if in_list and _lists_the_skill(span, label, items, covered, text):
                    draft.in_skills_section = True
                    draft.group = draft.group or group
            if in_skills and line.kind is LineKind.TABLE_ROW:
                _add_table_row(line, previous, lexicon_spans, text, drafts)
            elif listing:
                covered = [(s.start_char, s.end_char) for s in lexicon_spans]
                for item_start, item_end in items:
                    _add_item(item_start, item_end, group, covered, text, drafts)
            previous = line
    return _candidates(drafts)


def _candidates(drafts: dict[str, _SkillDraft]) -> tuple[SkillCandidate, ...]:
    """The skills found, in the order of their first mention."""
    return tuple(
        SkillCandidate(
            name=d.name,
            category=d.category,
            group=d.group,
            source=SkillSource.SKILLS_SECTION if d.in_skills_section else SkillSource.MENTION,
            in_lexicon=d.in_lexicon,
            mention_count=len(d.spans),
            spans=tuple(sorted(d.spans)),
        )
        for d in sorted(drafts.values(), key=lambda d: min(d.spans))
    )


_GROUP_MAX_WORDS = 5
_ITEM_SEPARATOR = re.compile(r"[,;|•·]|\.$")


def _names_a_group(line: Line, following: Line | None, spans: SpanIndex) -> bool:
    """A line that names the group of the lines after it: a skills heading inside the section
    (the segmenter's ``label``: "Technical Skills" under "Languages"), or a short line set off
    by a blank line that lists nothing and is no skill, over a line that lists several
    ("Systems and infrastructure" over "Linux, Docker, AWS"): a label by where it stands,
    whatever its words. Without the blank line it is as often an item of a one-per-line list
    that a longer list line follows ("German (fluent)" over "Matlab, LaTeX, Ansys")."""
    if line.label:
        return True
    text = spans.text
    content = text[line.content_start : line.end].strip(" *_#")
    if (
        following is None
        or not line.blank_before
        or line.kind is LineKind.TABLE_ROW
        or not content[:1].isupper()
        or len(content.split()) > _GROUP_MAX_WORDS
        or _ITEM_SEPARATOR.search(content)
    ):
        return False
    named = spans.within(labels.SKILLS, line.content_start, line.end)
    covered = [(span.start_char, span.end_char) for span in named]
    if len(named) > 1 or _lexicon_names_it(line.content_start, line.end, covered):
        return False  # an item of a one-per-line list ("Budgeting"), or two on a line
    listed = spans.within(labels.SKILLS, following.content_start, following.end)
    items = _split_items(text[following.content_start : following.end], 0)
    return max(len(listed), len(items)) >= _MIN_LISTED_ITEMS


def _group_name(line: Line) -> str | None:
    return EDGE_JUNK.sub("", line.content.strip()) or None


def _heading_label(section: Section) -> str | None:
    if section.heading is None:
        return None
    return EDGE_JUNK.sub("", section.heading.content.strip()) or None


def _add_table_row(
    line: Line,
    previous: Line | None,
    lexicon_spans: list[Span],
    text: str,
    drafts: dict[str, _SkillDraft],
) -> None:
    """A skills table: the first row is the header; then the first cell names the group."""
    if previous is None or previous.kind is not LineKind.TABLE_ROW:
        return
    cells = [(m.start() + 1, m.end()) for m in re.finditer(r"\|[^|]*", text[line.start : line.end])]
    cells = [
        (line.start + s, line.start + e)
        for s, e in cells
        if text[line.start + s : line.start + e].strip()
    ]
    if len(cells) < 2:
        return
    group = text[cells[0][0] : cells[0][1]].strip().strip("*") or None
    covered = [(s.start_char, s.end_char) for s in lexicon_spans]
    for cell_start, cell_end in cells[1:]:
        for item_start, item_end in _split_items(text[cell_start:cell_end], cell_start):
            _add_item(item_start, item_end, group, covered, text, drafts)


def _add_item(
    item_start: int,
    item_end: int,
    group: str | None,
    covered: list[tuple[int, int]],
    text: str,
    drafts: dict[str, _SkillDraft],
) -> None:
    item = text[item_start:item_end]
    too_long = len(item.split()) > _MAX_ITEM_WORDS
    if too_long or _lexicon_names_it(item_start, item_end, covered) or _GROUP_LABEL.match(item):
        return
    draft = drafts.setdefault(item.lower(), _SkillDraft(item, None, group, False))
    draft.spans.append((item_start, item_end))
    draft.in_skills_section = True


def _reads_as_list(line: Line, text: str) -> bool:
    if not is_prose(line):
        return True
    return len(_split_items(text[line.content_start : line.end], 0)) >= _MIN_LISTED_ITEMS


def _lexicon_share(start: int, end: int, covered: Sequence[tuple[int, int]]) -> float:
    """Share of an item's characters that lexicon matches cover."""
    inside = sum(min(e, end) - max(s, start) for s, e in covered if s < end and start < e)
    return inside / max(1, end - start)


_LEXICON_NAMES_ITEM = 0.6
"""Least share of an item the lexicon must cover for its matches, not the item, to be the
skills: "MATLAB/Simulink" is two lexicon skills, "SAP FICO" is one item."""


def _lexicon_names_it(start: int, end: int, covered: Sequence[tuple[int, int]]) -> bool:
    return _lexicon_share(start, end, covered) >= _LEXICON_NAMES_ITEM


def _lists_the_skill(
    span: Span,
    label: re.Match[str] | None,
    items: list[tuple[int, int]],
    covered: Sequence[tuple[int, int]],
    text: str,
) -> bool:
    """A lexicon match in a skills list is listed unless it names the list ("CAD: …") or is
    only part of a longer item ("SAP" in "SAP FICO", "Audit" in "Night audit")."""
    if label is not None and span.start_char < label.end():
        return False
    holder = next((i for i in items if i[0] <= span.start_char and span.end_char <= i[1]), None)
    if holder is None or len(text[holder[0] : holder[1]].split()) > _MAX_ITEM_WORDS:
        return True
    return _lexicon_names_it(holder[0], holder[1], covered)


# Group names inside a skills section ("Languages", "SPRACHEN / LANGUAGES"): labels, not skills.
_GROUP_WORDS = builtin_alternation(SKILL_WORDS_FILE, "group_label")
_GROUP_LABEL = re.compile(rf"(?i)^\W*(?:{_GROUP_WORDS})(?:\W+(?:{_GROUP_WORDS}))*\W*$")
_LEVELS = builtin_values(SKILL_WORDS_FILE, "language_level")
_LEVEL_WORD = "|".join(map(re.escape, sorted(_LEVELS, key=len, reverse=True)))
_STACKED_LEVEL = "|".join(
    map(re.escape, sorted(w for w, use in _LEVELS.items() if use == "stackable"))
)
_LEVEL = re.compile(rf"(?i)^(?:{_LEVEL_WORD}|[abc][12])(?:\W+(?:{_STACKED_LEVEL}|[abc][12]))*$")
"""A spoken language's level ("Native", "C1", "fluent / C2"): words in ``skill_words.jsonl``."""


_PROFICIENCY = re.compile(r"(?i)\bproficiency$")
_ABBREVIATION_ONLY = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9&+/.-]{2,8}$")
_TRAILING_PARENTHESIS = re.compile(r"\s*\(([^()]+)\)$")
_TRAILING_DASHED = re.compile(r"\s+[-–—]\s+([^-–—]+)$")


def _list_items(line: Line, label: re.Match[str] | None, spans: SpanIndex) -> list[tuple[int, int]]:
    """The items a skills-section line lists: comma/bar/dot separated, or the whole short line;
    a parenthesis naming tools is split out ("EPR (SystmOne, Cerner)"), one spelling out an
    abbreviation stays ("Search Engine Optimization (SEO)"). Dates, contacts and proficiency
    notes are not items."""
    text = spans.text
    start = label.end() if label else line.content_start
    items: list[tuple[int, int]] = []
    for item_start, item_end in _split_items(text[start : line.end], start):
        items.extend(_unparenthesized(item_start, item_end, text))
    return [
        (item_start, item_end)
        for item_start, item_end in items
        if not spans.within(labels.DATES, item_start, item_end)
        and not spans.within(labels.CONTACTS, item_start, item_end)
        and "@" not in text[item_start:item_end]
        and not _PROFICIENCY.search(text[item_start:item_end])
    ]


def _language_with_level(
    label: re.Match[str] | None, line: Line, text: str
) -> tuple[int, int] | None:
    """The language of a "Language: level" line ("Russian: reading", "Spanish: good")."""
    if label is None or not _LEVEL.match(text[label.end() : line.end].strip()):
        return None
    return label.start(1), label.end(1)


def _unparenthesized(start: int, end: int, text: str) -> list[tuple[int, int]]:
    dashed = _TRAILING_DASHED.search(text, start, end)
    if dashed is not None and _LEVEL.match(dashed.group(1).strip()):  # "Czech - elementary"
        return [(start, dashed.start())]
    paren = _TRAILING_PARENTHESIS.search(text, start, end)
    if paren is None or paren.start() == start:
        return [(start, end)]
    inner = paren.group(1)
    if _LEVEL.match(inner.strip()):  # "German (native)", "English (C1)"
        return [(start, paren.start())]
    if "," not in inner and _ABBREVIATION_ONLY.match(inner.strip()):
        return [(start, end)]
    pieces = [(start, paren.start())]
    pieces.extend(_split_items(inner, paren.start(1)))
    return pieces
