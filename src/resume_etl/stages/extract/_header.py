"""Entry headers cut into classified segments: organization, role, degree, place, ...

A header line is cut at separators (``|``, ``·``, `` at ``, wide gaps), then each piece is
classified (``_pieces``: by what the lexicons found inside it, commas cut where the parts differ
in kind; NER only breaks ties). Labelled lines ("Company: X") and table rows under named columns
say their kind; "Role at Organization" says which piece is the employer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from resume_etl.nlp import labels
from resume_etl.stages.extract._brackets import CITY_REGION, before_unclosed, trailing_aside
from resume_etl.stages.extract._colon_names import colon_in_name, ends_in_label_noun
from resume_etl.stages.extract._markup import PlainView, after_joint, plain_view
from resume_etl.stages.extract._pieces import (
    COMPLEMENT,
    EDGE_JUNK,
    GPA_STATED,
    MIN_SEGMENT_CHARS,
    HeaderSegment,
    SegmentKind,
    classify_piece,
    classify_range,
    first_of_kind,
    line_of,
    trimmed_pieces,
)
from resume_etl.stages.extract._prose import looks_like_prose
from resume_etl.stages.extract._spans import SpanIndex
from resume_etl.stages.extract._told_jobs import name_before_qualifier, role_at_employer, worked_as
from resume_etl.stages.segment import Line
from resume_etl.wordlists import builtin_forms, builtin_values

# What the table modules read from here, including what ``_pieces`` holds since the split.
__all__ = [
    "CITY_REGION",
    "COMPLEMENT",
    "EDGE_JUNK",
    "FIELD_LABEL",
    "GPA_STATED",
    "MIN_SEGMENT_CHARS",
    "HeaderSegment",
    "SegmentKind",
    "classify_range",
    "column_segments",
    "cut_pieces",
    "first_of_kind",
    "header_segments",
    "line_of",
    "looks_like_prose",
    "table_cells",
    "trimmed_pieces",
    "unmasked_pieces",
]

_SEPARATORS = re.compile(
    r"\s+[|·•]\s+|\s*[|·•]\s*$|^\s*[|·•]\s*|\s+-\s+|\s{3,}|\s+@\s+|\s+at\s+(?=[A-Z])|;\s+"
    r"|(?<=[^\W\d_)]{2})-\s+(?=[A-Z])"
)
"""Where a header line parts: bars, middle dots, spaced dashes, wide gaps, "at", semicolons,
and a dash glued to the name before it ("VANTREL- Kansas City, MO")."""


# A labelled CV says what each header line holds ("Company: X", "Designation: Y"): the label
# decides, and the value is not cut further. A label not listed here ("From:", "Percentage:")
# holds nothing a header segment is made of. The labels are data (``nlp/data/entry_words.jsonl``).
ENTRY_WORDS_FILE = "entry_words.jsonl"
FIELD_LABEL = re.compile(r"([A-Za-z][A-Za-z ]{1,24}?)\s*:\s*")
_LABEL_KINDS: dict[str, SegmentKind] = {
    label: SegmentKind(kind)
    for label, kind in builtin_values(ENTRY_WORDS_FILE, "field_label").items()
}
_PARENTHESES = re.compile(r"\([^()]{2,60}\)")


_TABLE_CELL = re.compile(r"[^|]+")


def table_cells(line: Line, text: str) -> list[tuple[int, int]]:
    """The cells of a markdown table row, trimmed, in column order (empty cells kept)."""
    cells = []
    inner_start = text.find("|", line.start, line.end) + 1
    inner_end = text.rfind("|", line.start, line.end)
    for match in _TABLE_CELL.finditer(text, inner_start, max(inner_start, inner_end)):
        value = match.group()
        lead = len(value) - len(value.lstrip())
        cells.append((match.start() + lead, match.start() + len(value.rstrip())))
    return cells


def column_segments(row: Line, columns: Line, spans: SpanIndex) -> list[HeaderSegment]:
    """Segments of a table row: a column named like a CV label ("Company", "Degree") says what
    its cell holds; any other cell is classified like a header piece."""
    text = spans.text
    names = [text[s:e].strip("* ").lower() for s, e in table_cells(columns, text)]
    segments: list[HeaderSegment] = []
    for index, (start, end) in enumerate(table_cells(row, text)):
        kind = _LABEL_KINDS.get(names[index]) if index < len(names) else None
        if end - start < MIN_SEGMENT_CHARS or spans.within(labels.DATES, start, end):
            continue
        if kind is None:
            segments.extend(classify_piece(spans, start, end))
        elif kind is SegmentKind.ROLE:
            stated = _parenthesized_employment(row, spans)
            segments.extend(stated)
            masks = [(segment.start, segment.end) for segment in stated]
            for piece in unmasked_pieces(start, end, masks):
                for trimmed in trimmed_pieces(text, *piece):
                    segments.append(HeaderSegment(text[slice(*trimmed)], *trimmed, kind, 0.9))
                    break
        else:
            segments.append(HeaderSegment(text[start:end], start, end, kind, 0.9))
    return segments


def header_segments(
    lines: Sequence[Line],
    spans: SpanIndex,
    masks: Sequence[tuple[int, int]],
    columns: Line | None = None,
) -> list[HeaderSegment]:
    """Cut header lines into classified segments; ``masks`` (dates, GPA) are cut out first.

    A parenthesis that states an employment type ("(part-time)", "(seasonal)") is a segment of
    its own, so it stays out of the role or organization it follows.
    """
    if columns is not None and len(lines) == 1:
        return column_segments(lines[0], columns, spans)
    segments: list[HeaderSegment] = []
    for line in lines:
        stated = _parenthesized_employment(line, spans)
        segments.extend(stated)
        line_masks = [*masks, *((segment.start, segment.end) for segment in stated)]
        labelled = _labelled_segment(line, spans, line_masks)
        if labelled is not None:
            segments.extend(labelled)
            continue
        for start, end in unmasked_pieces(line.content_start, line.end, line_masks):
            segments.extend(_line_pieces(spans, start, end))
    return segments


_AFTER_AT = re.compile(r"(?:\s+at|\s*@)\s*$")


def _line_pieces(spans: SpanIndex, start: int, end: int) -> list[HeaderSegment]:
    """The classified pieces of a stretch of a header line. "Role at Organization" names
    its employer by syntax: the piece after "at" or "@" is the organization when no rule
    says what it is, and a title before "at" cuts the piece even where the employer is
    written in lower case ("Intern at loomwork")."""
    found: list[HeaderSegment] = []
    for piece_start, whole_end in _names_across_at(spans, cut_pieces(spans.text, start, end)):
        aside = trailing_aside(spans, piece_start, whole_end)
        piece_end = aside[0] if aside else whole_end
        pieces = (
            worked_as(spans, piece_start, piece_end)
            or role_at_employer(spans, piece_start, piece_end)
            or classify_piece(spans, piece_start, piece_end)
        )
        first = pieces[0] if pieces else None
        if first is not None and _after_at(spans.text, start, piece_start):
            pieces[0] = _as_employer(first)
        found.extend(pieces)
        if aside is not None and aside[3]:  # "(Kenwick, MI)": where, not who
            place = spans.text[aside[1] : aside[2]]
            found.append(HeaderSegment(place, aside[1], aside[2], SegmentKind.LOCATION, 0.8))
    return found


def _after_at(text: str, start: int, end: int) -> bool:
    """Whether the piece ending the stretch ``[start, end)`` follows "at" or "@", or a joint
    word after closed markup ("**Role** for [Name]")."""
    return bool(_AFTER_AT.search(text, start, end)) or after_joint(text, start, end)


_AT_GAP = re.compile(r"\s+at\s+")
ORG_KEYWORDS_FILE = "org_keywords.jsonl"
_INSTITUTION_KINDS = (labels.ACADEMIC, "healthcare", "government", "nonprofit")
"""Categories of organization keywords that name an institution rather than a company."""


def _names_across_at(spans: SpanIndex, pieces: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces with the cuts at "at" undone where "at" is inside a name: "at" parts a title from
    its employer ("Visiting Student at Varrow Institute"), but after a name it goes on naming
    ("Varrow Institute at Northfield", "Role at Institute at University"). A piece after "at"
    joins the one before it when that one (or its last comma part: "Role, Institute at
    University") is an employer: surely an organization, or itself the piece after an "at"."""
    text = spans.text
    joined: list[tuple[int, int]] = []
    after_at = False
    for start, end in pieces:
        at_gap = bool(joined) and bool(_AT_GAP.fullmatch(text, joined[-1][1], start))
        if at_gap and (after_at or _is_organization(spans, *_last_part(text, *joined[-1]))):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
        after_at = at_gap
    return joined


def _last_part(text: str, start: int, end: int) -> tuple[int, int]:
    """The piece's last comma part: the name in "Visiting Student, Marlow Institute" that an
    "at" after it goes on naming."""
    comma = text.rfind(", ", start, end)
    return (comma + 2, end) if comma >= 0 else (start, end)


def _is_organization(spans: SpanIndex, start: int, end: int) -> bool:
    """Surely an institution's name: read as an organization, its last organization keyword
    names an institution ("Institute", "Hospital", "Department", "Association"), and no title
    head is in it. A company word ("Software", "Solutions") may head a title as well
    ("Software Engineering PMTS at X"); an institution at a place is one name."""
    if spans.within(labels.TITLE_HEADS, start, end):
        return False
    if classify_range(spans, start, end).kind is not SegmentKind.ORGANIZATION:
        return False
    keywords = spans.within(labels.ORG_KEYWORDS, start, end)
    return bool(keywords) and keywords[-1].text.lower() in _INSTITUTION_WORDS


_INSTITUTION_WORDS = frozenset(
    form.lower() for kind in _INSTITUTION_KINDS for form in builtin_forms(ORG_KEYWORDS_FILE, kind)
)


def _as_employer(segment: HeaderSegment) -> HeaderSegment:
    unsure = segment.confidence < 0.8  # below a lexicon's or a pattern's
    if segment.kind is SegmentKind.UNKNOWN or (
        unsure and segment.kind in (SegmentKind.LOCATION, SegmentKind.ORGANIZATION)
    ):
        return HeaderSegment(
            segment.text, segment.start, segment.end, SegmentKind.ORGANIZATION, 0.8
        )
    return segment


def _parenthesized_employment(line: Line, spans: SpanIndex) -> list[HeaderSegment]:
    found = []
    for match in _PARENTHESES.finditer(spans.text, line.content_start, line.end):
        if spans.within(labels.EMPLOYMENT_TYPES, match.start(), match.end()):
            found.append(
                HeaderSegment(
                    match.group(), match.start(), match.end(), SegmentKind.EMPLOYMENT_TYPE, 0.9
                )
            )
    return found


def _labelled_segment(
    line: Line, spans: SpanIndex, masks: Sequence[tuple[int, int]]
) -> list[HeaderSegment] | None:
    """The segment of a "Label: value" line, [] for a label that holds no header field, or
    None when the line has no label. A line in brackets is read inside them ("(Designation:
    Software Engineer)" under the employer's line)."""
    text = spans.text
    bracketed = text[line.content_start : line.end].strip().startswith("(")
    opening = text.find("(", line.content_start, line.end) + 1 if bracketed else line.content_start
    label = FIELD_LABEL.match(text, opening, line.end)
    if label is None:
        return None
    kind = _LABEL_KINDS.get(" ".join(label.group(1).lower().split()))
    if kind is None and spans.within(labels.DEGREES, label.start(1), label.end(1)):
        return None  # "Bachelor of Science: Elementary Education" is a degree and its field
    if (
        kind is None
        and _names_a_school(spans, label.start(1), label.end(1))
        and not ends_in_label_noun(label.group(1))
    ):
        return _school_and_rest(line, spans, masks, label)
    pieces = [
        trimmed
        for piece in unmasked_pieces(label.end(), line.end, masks)
        for trimmed in trimmed_pieces(text, *piece)
    ]
    if kind is None and colon_in_name(spans, label.span(1), [text[slice(*p)] for p in pieces]):
        return None
    if kind is None:
        return []
    if not pieces:
        return []
    start, end = pieces[0][0], pieces[-1][1]
    if kind is SegmentKind.ORGANIZATION:
        end = name_before_qualifier(text, start, end)
    return [HeaderSegment(text[start:end], start, end, kind, 0.9)]


def _school_and_rest(
    line: Line, spans: SpanIndex, masks: Sequence[tuple[int, int]], label: re.Match[str]
) -> list[HeaderSegment]:
    """ "Brenton University: Philosophy, 1980": a school word before the colon makes it the
    school's name, not a label, and what follows is read as a header line's pieces."""
    school = HeaderSegment(
        label.group(1), label.start(1), label.end(1), SegmentKind.ORGANIZATION, 0.8
    )
    rest = unmasked_pieces(label.end(), line.end, masks)
    return [school, *(segment for piece in rest for segment in _line_pieces(spans, *piece))]


def _names_a_school(spans: SpanIndex, start: int, end: int) -> bool:
    return any(
        span._.get(labels.CATEGORY_ATTR) == labels.ACADEMIC
        for span in spans.within(labels.ORG_KEYWORDS, start, end)
    )


def unmasked_pieces(
    start: int, end: int, masks: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    cursor = start
    for mask_start, mask_end in sorted(masks):
        if mask_end <= cursor or mask_start >= end:
            continue
        if mask_start > cursor:
            yield cursor, mask_start
        cursor = max(cursor, mask_end)
    if cursor < end:
        yield cursor, end


def cut_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between separators; a stretch with markup is cut in
    its plain view (``_markup``), so markup neither separates nor ends up in a piece."""
    view = plain_view(text, start, end)
    if view is not None:
        cuts = sorted([*_view_separators(view), *view.joints, *view.seams()])
        cursor = 0
        for cut_start, cut_end in [*cuts, (len(view.text), len(view.text))]:
            if cut_start >= cursor:
                for piece_start, piece_end in trimmed_pieces(view.text, cursor, cut_start):
                    # "Scientist (Staff at [Name](url))": the link's cut leaves an aside open.
                    yield view.span(piece_start, before_unclosed(view.text, piece_start, piece_end))
            cursor = max(cursor, cut_end)
        return
    cursor = start
    for match in _SEPARATORS.finditer(text, start, end):
        yield from trimmed_pieces(text, cursor, match.start())
        cursor = match.end()
    yield from trimmed_pieces(text, cursor, end)


def _view_separators(view: PlainView) -> Iterator[tuple[int, int]]:
    """The separators of a plain view, but a spaced dash inside one stretch of emphasis: the
    markup holds one field, so "*Application Developer - Payments Team*" is one title."""
    for match in _SEPARATORS.finditer(view.text):
        inside = view.enclosing(match.start(), match.end())
        if inside and match.group().strip() in _INNER_DASHES:
            continue
        yield match.span()


_INNER_DASHES = frozenset({"-", "–", "—"})
