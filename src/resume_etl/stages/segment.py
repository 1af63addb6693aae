"""Segment: split a document into sections and entry-bearing sections into entries.

Layout leads here, not language: a heading is a markdown heading or a short line whose words are
a known section phrase (configurable per kind in the pipeline file); an entry is a run of short
"header" lines (role, organization, dates) followed by its description and bullets. Every piece
keeps its character offsets into the document's normalized text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from resume_etl.config import SegmentSettings
from resume_etl.dates import MONTH_OR_SEASON
from resume_etl.nlp.line_roles import BODY_ROLES, HEADER_ROLES, LineRole
from resume_etl.records import DocumentRecord
from resume_etl.stages.layout import LineRoleModel, LineShape, RoleGuess
from resume_etl.stages.reflow import REPAIR as RESTORED_LINE_BREAKS
from resume_etl.vocab import ENTRY_SECTION_KINDS, SectionKind

_SENTENCE_WORDS = 10
"""A line ending in a period with this many words is a sentence, whatever its last word."""

MAX_HEADER_LINES = 5
"""An entry header longer than this is more likely a list than one entry's header."""


class LineKind(StrEnum):
    TEXT = "text"
    BULLET = "bullet"
    MD_HEADING = "md_heading"
    TABLE_ROW = "table_row"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: where it is, and where its content starts after any marker."""

    start: int
    end: int
    text: str
    kind: LineKind
    content_start: int
    md_level: int = 0
    blank_before: bool = False
    continues: bool = False
    """A hard-wrapped line that continues the line before it (the line-role model says so)."""

    @property
    def content(self) -> str:
        """The line without its bullet or heading marker."""
        return self.text[self.content_start - self.start :]


@dataclass(frozen=True, slots=True)
class Entry:
    """One job, degree, project or publication: header lines, then body lines."""

    header: tuple[Line, ...]
    body: tuple[Line, ...]
    columns: Line | None = None
    """For a row of a markdown table, the table's header row (its column names)."""

    @property
    def start(self) -> int:
        return self.header[0].start

    @property
    def end(self) -> int:
        return (self.body or self.header)[-1].end


@dataclass(frozen=True, slots=True)
class Section:
    position: int
    kind: SectionKind
    heading: Line | None
    lines: tuple[Line, ...]
    entries: tuple[Entry, ...]
    intro: tuple[Line, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SegmentedDocument:
    document: DocumentRecord
    sections: tuple[Section, ...]


_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(?=\S)")
_BULLET = re.compile(r"^(?:- |\d{1,2}[.)] |\[\d{1,3}\] )")
_TABLE_ROW = re.compile(r"^\s*\|")
# A markdown table's rule line ("|---|:--:|"): only pipes, colons, dashes and spaces. One
# character class, so a long run of spaces costs one pass (overlapping ``\s*`` groups backtracked
# in cubic time on it).
_TABLE_RULE = re.compile(r"[\s:|-]+")
_HEADING_DECORATION = re.compile(r"^[\W_]+|[\W_]+$")
_NON_WORD = re.compile(r"[^\w&+#]+")
_SENTENCE_END = re.compile(r"[.!?]['\")\]]?$")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][A-Za-z]{0,3}\.|(?:\w\.){2,})$")
_MONTH = MONTH_OR_SEASON
_DATE_LINE = re.compile(
    rf"(?i)\b(?:{_MONTH})\s*,?\s*'?\d{{2,4}}\b"  # Month 2024, Sep '24
    r"|\b\d{1,2}[/.]\d{4}\b"  # 09/2024
    r"|\b(?:19|20)\d{2}-[01]\d\b"  # 2024-09
    r"|\b(?:19|20)\d{2}\s*(?:[-–—]|to|until)\s*(?:(?:19|20)\d{2}|present|current|now|\S?$)"
)


# "Jan 2020 -" ending one line and "Mar 2021" opening the next: one range wrapped over two lines.
_OPEN_RANGE_AT_END = re.compile(r"(?i)(?:[-–—~→]|\b(?:to|until|till|through|thru))\s*$")
_DATE_AT_START = re.compile(
    rf"(?i)(?:{_MONTH})(?![a-z])|\d{{1,2}}[/.]\d{{4}}\b|(?:19|20)\d{{2}}\b"
    r"|(?:present|current|now|today|ongoing)\b"
)

# A year closing a header is set off as its own field ("Clerk | Shop | 2018", "Clerk, Shop  2018");
# "Dean's List 2022" is an award with its year.
_YEAR_FIELD_AT_END = re.compile(r"(?:\s[|·•,-]\s*|,\s*|\s{2,})(?:19|20)\d{2}\s*$")


# Page furniture a PDF paste leaves between pages: "1", "- 2 -", "Page 1 of 2", "Page 1 / 2"
# (with whatever running footer text shares its line).
_PAGE_NUMBER = re.compile(
    r"^\W{0,3}\d{1,3}\W{0,3}$|\bpage\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.I
)


def is_page_furniture(stripped: str, first_line: str) -> bool:
    """A page number, a "Page N of M" footer, or the first line repeated as a running header."""
    text = stripped.strip()
    return bool(_PAGE_NUMBER.search(text)) or (bool(first_line) and text == first_line)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with offsets, kinds and whether a blank line precedes them.

    Page furniture is left out, as if the page break were not there.
    """
    lines: list[Line] = []
    offset = 0
    blank_before = True
    first_line = ""
    for raw in text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        stripped = raw.lstrip()
        if not stripped or ("-" in raw and _TABLE_RULE.fullmatch(raw)):
            blank_before = blank_before or not stripped
            continue
        if lines and is_page_furniture(stripped, first_line):
            continue
        first_line = first_line or stripped.strip()
        lead = start + len(raw) - len(stripped)
        lines.append(_classify_line(raw[lead - start :], lead, end, blank_before))
        blank_before = False
    return lines


def _classify_line(text: str, start: int, end: int, blank_before: bool) -> Line:
    if heading := _MD_HEADING.match(text):
        return Line(
            start,
            end,
            text,
            LineKind.MD_HEADING,
            start + heading.end(),
            md_level=len(heading.group(1)),
            blank_before=blank_before,
        )
    if bullet := _BULLET.match(text):
        return Line(start, end, text, LineKind.BULLET, start + bullet.end(), 0, blank_before)
    if _TABLE_ROW.match(text):
        return Line(start, end, text, LineKind.TABLE_ROW, start, 0, blank_before)
    return Line(start, end, text, LineKind.TEXT, start, 0, blank_before)


class SectionClassifier:
    """Maps heading text to a section kind by the longest configured phrase it contains."""

    def __init__(self, settings: SegmentSettings) -> None:
        self._max_words = settings.max_heading_words
        pairs = [
            (phrase, kind) for kind, phrases in settings.sections.items() for phrase in phrases
        ]
        # Longest phrase first so "research experience" beats "research" and "experience".
        self._phrases = sorted(
            ((_normalize_heading(p), k) for p, k in pairs), key=lambda pk: -len(pk[0])
        )

    def classify(self, heading_text: str, max_extra_words: int = 2) -> SectionKind | None:
        """The kind a heading names, or None when no phrase matches closely enough.

        ``max_extra_words`` is how many words beside the phrase a heading may carry ("Selected
        Research Projects"); 0 demands the heading be exactly a phrase.
        """
        words = _normalize_heading(heading_text)
        if not words or words.count(" ") + 1 > self._max_words:
            return None
        padded = f" {words} "
        for phrase, kind in self._phrases:
            if f" {phrase} " in padded:
                leftover = len(self._rest_of(padded, kind).split())
                return kind if leftover <= max_extra_words else None
        return None

    def _rest_of(self, padded: str, kind: SectionKind) -> str:
        """The heading's words that no phrase of ``kind`` covers: "Skills and kitchen toolkit"
        joins two skills phrases, so only "and kitchen" counts against it."""
        for phrase, phrase_kind in self._phrases:
            if phrase_kind is kind:
                padded = padded.replace(f" {phrase} ", " ")
        return padded

    def plain_heading_kind(self, line: Line, is_first_line: bool) -> SectionKind | None:
        """Kind of a plain-text line that is a heading, or None if it is not one."""
        if line.kind is not LineKind.TEXT:
            return None
        text = line.content.strip().strip("*_").strip()
        if not text or text[-1] in ".,;" or _LABELLED_VALUE.search(text):
            return None
        label = _HEADING_DECORATION.sub("", text)
        if not label or not (label[0].isupper() or label[0].isdigit()):
            return None
        # A document's first line is usually a name or title ("Projects Lead"): it opens a
        # section only when it shouts or is nothing but a section phrase ("Experience").
        strict = is_first_line and not text.isupper()
        return self.classify(label, max_extra_words=0 if strict else 2)


# "Skills: HubSpot, Salesforce" is a labelled value, not a heading: text follows the colon.
_LABELLED_VALUE = re.compile(r":\s*\S")


def _normalize_heading(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def is_date_line(text: str) -> bool:
    """A line that states a period (a range or a month and year), the usual entry anchor."""
    return _DATE_LINE.search(text) is not None


def is_prose(line: Line) -> bool:
    """A sentence of description rather than a header line (title, org, dates)."""
    text = line.content.strip()
    # Count words, not spaces: PDF pastes pad a right-hand date with runs of spaces.
    words = len(text.split())
    if words > 16 or text.endswith(":"):
        return True
    # Header lines (titles, organizations, dates) do not end a sentence; "Inc." and "B.Sc." are
    # abbreviations, not sentence ends, unless the line is as long as a sentence ("... its
    # Series B.").
    abbreviated = _ABBREVIATION.search(text) is not None and words < _SENTENCE_WORDS
    return bool(_SENTENCE_END.search(text) and not abbreviated and not is_date_line(text))


def _is_continuation(line: Line, previous: Line | None) -> bool:
    """A hard-wrapped line: starts in lower case right after an unfinished line."""
    if previous is None or line.kind is not LineKind.TEXT or line.blank_before:
        return False
    first = line.content.lstrip()[:1]
    return first.islower() and not _SENTENCE_END.search(previous.content.strip())


_BARE_YEAR = re.compile(r"^\W*(?:19|20)\d{2}\W*$")
_YEAR_IN_PARENTHESES_AT_END = re.compile(r"\((?:[^()]*\D)?(?:19|20)\d{2}\)\W*$")


def _is_bulleted_entry(kind: SectionKind, line: Line, current: _EntryDraft | None) -> bool:
    """ "- Diploma in Law, Temasek Polytechnic (2013 - 2016)": in an education list of bullets,
    a dated bullet is a whole entry (not the body of the one before)."""
    if kind is not SectionKind.EDUCATION or line.kind is not LineKind.BULLET:
        return False
    if current is not None and current.header[0].kind is not LineKind.BULLET:
        return False
    content = line.content
    return is_date_line(content) or _YEAR_IN_PARENTHESES_AT_END.search(content) is not None


_LEADING_LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z ]{1,30}:\s")


def _is_dated_school_line(kind: SectionKind, line: Line, current: _EntryDraft | None) -> bool:
    """ "PhD in Physics, Faculty of Science, University of X (2020 - 2024)": in an education
    section a line that closes with its years in parentheses is a whole entry, however long,
    once the entry before it has its own years."""
    if kind is not SectionKind.EDUCATION or line.kind is not LineKind.TEXT:
        return False
    content = line.content
    if _YEAR_IN_PARENTHESES_AT_END.search(content) is None or _LEADING_LABEL.match(content):
        return False
    return current is None or current.has_date() or current.has_parenthesized_year()


# "**QuickShard** - a key-value store", "[**tf-cost-diff**](https://...) - posts plan costs",
# "⭐ naira-ledger - ledger library", "Depot Slotting Review (2022) - re-slotted 3,400 SKUs":
# a project named at the start of its line, maybe dated, then a dash and what it is.
_PROJECT_NAME_LEAD = re.compile(
    r"^[^\w\[*]{0,4}"
    r"(?:(?P<marked>\*\*[^*\n]{1,80}\*\*|\[[^\]\n]{1,80}\]\([^)\s]*\))"
    r"(?:\s*\([^()\n]{1,40}\))?\s*[-:]\s+\S"
    r"|(?P<plain>\w[^\n]{0,60}?)(?:\s*\([^()\n]{1,40}\))?\s+-\s+\S)"
)
_MAX_PROJECT_NAME_WORDS = 6


def names_a_project(line: Line) -> bool:
    """The line opens with a project's name set off from what follows by a dash (or, for a
    bold or linked name, a colon): one whole project on one line."""
    found = _PROJECT_NAME_LEAD.match(line.content.strip())
    if found is None:
        return False
    plain = found.group("plain")
    if plain is None:
        return True
    return (
        len(plain.split()) <= _MAX_PROJECT_NAME_WORDS
        and any(char.isalpha() for char in plain)
        and not is_date_line(plain)
        and _DATE_AT_START.match(plain) is None
        and _BODY_LABEL.match(plain) is None
    )


def _is_listed_project(kind: SectionKind, line: Line, current: _EntryDraft | None) -> bool:
    """In a list of one-line projects, each named line is a whole entry even when it reads as a
    sentence. Only a list whose entries are such lines is split this way (bullets only when its
    entries are bullets), so a project's own description bullets stay its body."""
    if kind is not SectionKind.PROJECTS or line.kind not in (LineKind.TEXT, LineKind.BULLET):
        return False
    if current is not None:
        first = current.header[0]
        if first.kind is not line.kind or not names_a_project(first):
            return False
    return names_a_project(line)


# Labels that introduce part of an entry's body, never its header: "Skills: A · B" under a
# LinkedIn role, "Responsibilities:" in a labelled CV.
_BODY_LABEL = re.compile(
    r"(?i)^\s*(?:skills|key skills|tools|technologies|tech stack|stack|responsibilities|duties"
    r"|achievements|key achievements|activities(?: and societies)?|thesis|dissertation"
    r"|highlights|courses|coursework|relevant coursework)\s*:"
)


@dataclass(slots=True)
class _EntryDraft:
    header: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    columns: Line | None = None

    def has_date(self) -> bool:
        return any(is_date_line(line.content) for line in self.header)

    def dated_after_title(self) -> bool:
        """The header opens with a non-date line and states its period further down."""
        first, rest = self.header[0], self.header[1:]
        return not is_date_line(first.content) and any(
            is_date_line(ln.content) or _BARE_YEAR.match(ln.content) for ln in rest
        )

    def has_parenthesized_year(self) -> bool:
        return any(_YEAR_IN_PARENTHESES_AT_END.search(line.content) for line in self.header)

    def has_year_field(self) -> bool:
        return any(_YEAR_FIELD_AT_END.search(line.content) for line in self.header)

    def freeze(self) -> Entry:
        return Entry(tuple(self.header), tuple(self.body), self.columns)


RoleAt = Mapping[int, RoleGuess]
"""The line-role model's guess for each line, by the line's start offset."""
MIN_ROLE_CONFIDENCE = 0.6
"""Below this marginal probability the model's role is not used and the rules decide."""
_MAX_HEADER_WORDS = 16
MIN_DATED_BODY_CONFIDENCE = 0.9
"""A line with a date goes to an entry's body only when the model is this sure it belongs
there (the rules read a date as an entry's period)."""


class _Step(StrEnum):
    """What the line-role model says to do with a line of an entry section."""

    DROP = "drop"
    CONTINUE = "continue"
    BODY = "body"
    NEW_ENTRY = "new_entry"
    HEADER = "header"


def _model_step(guess: RoleGuess | None, line: Line, current: _EntryDraft | None) -> _Step | None:
    """The model's decision for a line, or None when the rules should decide (no model, a
    role that says nothing about entries, or too little confidence).

    Dates stay with the rules, which read them exactly: a line that states a period (or closes
    with a year) is placed by the rules (one entry has one period; a sentence that mentions
    years is still a sentence). So are bullets that would open an entry (one-line citations,
    listed projects and schools have exact rules), and lines as long as a sentence.
    """
    if guess is None or guess.confidence < MIN_ROLE_CONFIDENCE:
        return None
    role = guess.role
    if (
        is_date_line(line.content)
        or _YEAR_FIELD_AT_END.search(line.content) is not None
        or _ONGOING_FIELD_AT_END.search(line.content) is not None
    ):
        if not _dated_body_line(guess, line, current):
            return None
        return _Step.CONTINUE if role is LineRole.CONTINUATION else _Step.BODY
    if role is LineRole.FURNITURE:
        return _Step.DROP
    if role is LineRole.CONTINUATION:
        return _Step.CONTINUE if current is not None else _Step.BODY
    if role in BODY_ROLES:
        return _Step.BODY
    if role not in HEADER_ROLES or line.kind is LineKind.BULLET or _is_long(line):
        return None
    if is_prose(line):
        return None  # a sentence is no header line, whatever the model says
    if current is None or current.body or len(current.header) >= MAX_HEADER_LINES:
        return _Step.NEW_ENTRY
    return _Step.NEW_ENTRY if role is LineRole.ENTRY_START else _Step.HEADER


_MIN_WORDS_BESIDE_DATES = 3
_DATED_BODY_ROLES = frozenset({LineRole.BULLET, LineRole.CONTINUATION})
"""A paragraph's first line is not among them: "Analyst | Bank | 02/2025 -" after a bullet
reads as one to the model as much as a header does."""
# "Analyst | Northwind Bank | Current": a period stated by its ongoing word alone.
_ONGOING_FIELD_AT_END = re.compile(
    r"(?i)(?:\s[|·•,-]\s*|,\s*|\s{2,})(?:present|current|now|ongoing|today)\s*$"
)


def _dated_body_line(guess: RoleGuess, line: Line, current: _EntryDraft | None) -> bool:
    """A line amid an entry's body that mentions a date ("Promoted to Senior Engineer Dec.
    2019.", a wrapped "(2014-2015), I planned the radar upkeep"): the model reads it as a
    bullet or a paragraph's line, surely, and it says more than its dates. The rules would
    take any date for an entry's period. Right under a header the rules decide: there a
    dated line is the next entry's ("Ph.D., LSE, 2015" then "M.A., Rice, 2010")."""
    if current is None or not current.body or guess.role not in _DATED_BODY_ROLES:
        return False
    if guess.confidence < MIN_DATED_BODY_CONFIDENCE:
        return False
    beside = _DATE_LINE.sub(" ", line.content)
    return sum(1 for word in beside.split() if any(c.isalpha() for c in word)) >= (
        _MIN_WORDS_BESIDE_DATES
    )


def _is_long(line: Line) -> bool:
    """More words than a header line holds: a sentence, whatever the model says."""
    return len(line.content.split()) > _MAX_HEADER_WORDS


def _apply_step(
    step: _Step,
    line: Line,
    current: _EntryDraft | None,
    drafts: list[_EntryDraft],
    intro: list[Line],
) -> None:
    if step is _Step.NEW_ENTRY:
        drafts.append(_EntryDraft(header=[line]))
    elif step is _Step.CONTINUE and current is not None:
        (current.body or current.header).append(replace(line, continues=True))
    elif step is _Step.HEADER and current is not None:
        current.header.append(line)
    elif step is not _Step.DROP:
        (current.body if current else intro).append(line)


def split_entries(
    kind: SectionKind, lines: list[Line], roles: RoleAt | None = None
) -> tuple[tuple[Entry, ...], tuple[Line, ...]]:
    """Split an entry-bearing section's body into entries and the intro lines before them.

    Exact layout rules come first (markdown headings, tables, one-line citations and
    projects); then the line-role model's guess where it has one (``roles``); the other
    rules decide the rest.
    """
    drafts: list[_EntryDraft] = []
    intro: list[Line] = []
    previous: Line | None = None
    table_header: Line | None = None
    for line in lines:
        current = drafts[-1] if drafts else None
        if line.kind is LineKind.TABLE_ROW and kind is not SectionKind.PUBLICATIONS:
            # A table in an entry section: its first row names the columns, each next row is
            # one entry ("| 2021 - now | Senior Data Engineer | Vistula Payments |").
            if previous is None or previous.kind is not LineKind.TABLE_ROW:
                table_header = line
            else:
                drafts.append(_EntryDraft(header=[line], columns=table_header))
            previous = line
            continue
        if (
            _starts_own_entry(kind, line)
            or _is_bulleted_entry(kind, line, current)
            or _is_listed_project(kind, line, current)
            or _is_dated_school_line(kind, line, current)
        ):
            drafts.append(_EntryDraft(header=[line]))
        elif roles and current is not None and _BODY_LABEL.match(line.content):
            current.body.append(line)  # the rules' exact reading of a labelled body line
        elif (
            roles
            and current is not None
            and not current.body
            and _ends_range_of(current.header[-1], line)
        ):
            current.header.append(line)  # "Jan 2020 -" then "Mar 2021": one range
        elif (step := _model_step((roles or {}).get(line.start), line, current)) is not None:
            _apply_step(step, line, current, drafts, intro)
            if step is _Step.DROP:
                continue
        elif current is not None and _is_continuation(line, previous):
            (current.body or current.header).append(line)
        elif (
            line.kind is LineKind.BULLET
            or is_prose(line)
            or line.kind is LineKind.TABLE_ROW
            or (current is not None and _BODY_LABEL.match(line.content))
        ):
            (current.body if current else intro).append(line)
        elif _opens_new_entry(current, line):
            drafts.append(_EntryDraft(header=[line]))
        else:
            assert current is not None
            current.header.append(line)
        previous = line
    return tuple(d.freeze() for d in drafts), tuple(intro)


def _starts_own_entry(kind: SectionKind, line: Line) -> bool:
    if line.kind is LineKind.MD_HEADING:
        return True
    # A publication list puts one citation on each bullet or numbered line.
    return kind is SectionKind.PUBLICATIONS and line.kind is LineKind.BULLET


def _opens_new_entry(current: _EntryDraft | None, line: Line) -> bool:
    if current is None or current.body or len(current.header) >= MAX_HEADER_LINES:
        return True
    if _ends_range_of(current.header[-1], line):
        # "Jan 2020 -" then "Mar 2021": one range wrapped over two lines, one entry.
        return False
    closes_with_year = _YEAR_FIELD_AT_END.search(line.content) is not None
    if closes_with_year and current.has_year_field():
        # "Ph.D., LSE, 2015" then "M.A., USP, 2010": each line is a whole entry.
        return True
    if not current.has_date():
        return False
    if line.blank_before and current.dated_after_title():
        # "Title / Org / Dates", a blank line, then the next title: the date closed the header.
        return True
    # A second period in one header means a second entry; after a blank line a bare year
    # ("Clerk | Shop | 2018") is enough to say so.
    return is_date_line(line.content) or (
        line.blank_before and _YEAR_FIELD_AT_END.search(line.content) is not None
    )


def _ends_range_of(previous: Line, line: Line) -> bool:
    """``line`` closes a range ``previous`` left open, so it is no second entry's period."""
    return (
        not line.blank_before
        and _OPEN_RANGE_AT_END.search(previous.content) is not None
        and _DATE_AT_START.match(line.content.lstrip()) is not None
    )


def segment(
    document: DocumentRecord,
    classifier: SectionClassifier,
    line_model: LineRoleModel | None = None,
) -> SegmentedDocument:
    """Stage entry point: sections (with entries) covering the whole document in order.

    With a ``line_model`` the entries are cut where it reads the layout (``split_entries``).
    """
    lines = split_lines(document.text)
    groups = _group_by_heading(lines, classifier)
    roles: dict[int, RoleGuess] = {}
    # Line breaks the ingest stage restored (a text pulled as one line) are the rules' own
    # guess at a layout that was never printed: the model, which reads printed layouts,
    # would only echo that guess back, or misread it.
    printed = RESTORED_LINE_BREAKS not in document.repairs
    if (
        line_model is not None
        and printed
        and any(kind in ENTRY_SECTION_KINDS for kind, _h, _b in groups)
    ):
        ordered, shapes = line_shapes(document.text, groups)
        entry_kinds = {kind.value for kind in ENTRY_SECTION_KINDS}
        wanted = [shape.section in entry_kinds and not shape.is_heading for shape in shapes]
        guesses = line_model.label_where(shapes, wanted)
        repeated = _repeated_lines(ordered)
        first_line = ordered[0].content.strip() if ordered else ""
        roles = {
            line.start: guess
            for line, guess in zip(ordered, guesses, strict=True)
            if guess is not None and _may_use(guess, line, repeated, first_line)
        }
    sections = []
    for position, (kind, heading, body) in enumerate(groups):
        entries, intro = (
            split_entries(kind, body, roles) if kind in ENTRY_SECTION_KINDS else ((), tuple(body))
        )
        first = heading or (body[0] if body else None)
        last = body[-1] if body else heading
        start = first.start if first else 0
        end = last.end if last else 0
        sections.append(Section(position, kind, heading, tuple(body), entries, intro, start, end))
    return SegmentedDocument(document, tuple(sections))


_MIN_REPEATED_CHARS = 4


def _repeated_lines(lines: list[Line]) -> set[str]:
    """The texts of lines printed more than once in the document (running heads, footers)."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for line in lines:
        text = line.content.strip()
        if len(text) >= _MIN_REPEATED_CHARS:
            (repeated if text in seen else seen).add(text)
    return repeated


def _may_use(guess: RoleGuess, line: Line, repeated: set[str], first_line: str) -> bool:
    """Whether the segmenter may act on the model's guess for ``line``. Page furniture is
    dropped, so the model's word alone is not enough: the line must repeat in the document
    (a running head or foot), carry a page number, or repeat the first line (a running head
    with the name: "Mira Quell – Curriculum Vitae"); else the rules read it."""
    if guess.role is not LineRole.FURNITURE:
        return True
    text = line.content.strip()
    return (
        text in repeated
        or _PAGE_MARK.search(text) is not None
        or (len(first_line) >= _MIN_REPEATED_CHARS and first_line in text)
    )


_PAGE_MARK = re.compile(
    r"(?i)\bpage\s+\d{1,3}\b|^\W{0,3}\d{1,3}\W{0,3}$|\b\d{1,3}\s*/\s*\d{1,3}\s*$"
)


def line_shapes(
    text: str, groups: list[tuple[SectionKind, Line | None, list[Line]]]
) -> tuple[list[Line], list[LineShape]]:
    """The document's lines in order with what the line-role model reads of each: the whole
    printed line (its indentation too), the section it sits in, whether it is a heading."""
    lines: list[Line] = []
    shapes: list[LineShape] = []
    for kind, heading, body in groups:
        for line in [heading] if heading is not None else []:
            lines.append(line)
            shapes.append(_shape(text, line, kind, True))
        for line in body:
            lines.append(line)
            shapes.append(_shape(text, line, kind, False))
    return lines, shapes


def _shape(text: str, line: Line, kind: SectionKind, is_heading: bool) -> LineShape:
    begin = text.rfind("\n", 0, line.start) + 1
    return LineShape(text[begin : line.end], line.blank_before, kind.value, is_heading)


def _group_by_heading(
    lines: list[Line], classifier: SectionClassifier
) -> list[tuple[SectionKind, Line | None, list[Line]]]:
    groups: list[tuple[SectionKind, Line | None, list[Line]]] = [(SectionKind.HEADER, None, [])]
    for index, line in enumerate(lines):
        kind, heading, body = groups[-1]
        new_kind = _heading_kind(line, classifier, index == 0, kind, heading, not body)
        if new_kind is None:
            body.append(line)
        else:
            groups.append((new_kind, line, []))
    if not groups[0][2] and len(groups) > 1:
        groups.pop(0)
    return _unnamed_timeline(groups)


_MIN_TIMELINE_DATES = 2
_MAX_DATE_ONLY_WORDS = 6
_MAX_UNNAMED_HEADING_WORDS = 3


def _is_date_only(line: Line) -> bool:
    content = line.content.strip()
    return is_date_line(content) and len(content.split()) <= _MAX_DATE_ONLY_WORDS


def _unnamed_timeline(
    groups: list[tuple[SectionKind, Line | None, list[Line]]],
) -> list[tuple[SectionKind, Line | None, list[Line]]]:
    """A website names its jobs section in its own words ("Kitchens", "Where I cooked"): when
    the text before the first known heading holds a timeline (several lines that are only a
    period), the last short heading-like line before it opens an experience section."""
    kind, heading, body = groups[0]
    if kind is not SectionKind.HEADER:
        return groups
    dated = [index for index, line in enumerate(body) if _is_date_only(line)]
    if len(dated) < _MIN_TIMELINE_DATES:
        return groups
    candidates = [
        index
        for index in range(1, dated[0])
        if _reads_as_heading(body[index]) and body[index].blank_before
    ]
    if not candidates:
        return groups
    split = candidates[-1]
    return [
        (kind, heading, body[:split]),
        (SectionKind.EXPERIENCE, body[split], body[split + 1 :]),
        *groups[1:],
    ]


def _reads_as_heading(line: Line) -> bool:
    text = line.content.strip()
    words = text.split()
    return (
        line.kind is LineKind.TEXT
        and 0 < len(words) <= _MAX_UNNAMED_HEADING_WORDS
        and text[0].isupper()
        and text[-1].isalnum()
        and not is_date_line(text)
    )


def _entry_title(
    line: Line, classifier: SectionClassifier, kind: SectionKind, heading: Line | None
) -> bool:
    """A line inside an entry section that names a section kind with more words, in a quieter
    style than the section's heading: an entry's title ("Small Java Projects", "CLI Toolkit",
    "Experience Design Lead") when right under that heading or when the headings shout."""
    text = line.content.strip()
    return (
        kind in ENTRY_SECTION_KINDS
        and heading is not None
        and not text.isupper()
        and classifier.classify(text, max_extra_words=0) is None
    )


def _heading_kind(
    line: Line,
    classifier: SectionClassifier,
    is_first_line: bool,
    current_kind: SectionKind,
    current_heading: Line | None,
    current_body_empty: bool = False,
) -> SectionKind | None:
    """The kind of section this line opens, or None if it belongs to the current one."""
    if line.kind is LineKind.MD_HEADING:
        nested = current_heading is not None and line.md_level > current_heading.md_level
        # Under "## Projects", "### pyproj-tools" or "### Client Projects (NDA)" is an entry:
        # a deeper heading opens a section only when it is exactly a section phrase.
        strict = nested and current_kind in ENTRY_SECTION_KINDS
        kind = classifier.classify(line.content, max_extra_words=0 if strict else 2)
        if kind is not None:
            return kind
        if current_kind is SectionKind.HEADER or (current_kind in ENTRY_SECTION_KINDS and nested):
            return None
        return SectionKind.OTHER
    kind = classifier.plain_heading_kind(line, is_first_line)
    quiet_title = kind is not None and _entry_title(line, classifier, current_kind, current_heading)
    if quiet_title and (
        current_body_empty or (current_heading and current_heading.content.isupper())
    ):
        return None
    # Inside a plain-text skills section, "Languages" or "Tools" label a group, not a section.
    if kind is not None and kind is current_kind and current_kind is SectionKind.SKILLS:
        return None if current_heading is not None else kind
    # A one-per-line skills list holds items like "Diabetes Education": only a heading that is
    # exactly a section phrase, or shouts, ends the list.
    if (
        kind is not None
        and current_kind is SectionKind.SKILLS
        and not line.content.isupper()
        and classifier.plain_heading_kind(line, is_first_line=True) is None
    ):
        return None
    return kind
