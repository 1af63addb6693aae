"""The publications table: papers from publications sections and cued lines elsewhere.

A publications section is first read as one list of citations (``citations``: lines in,
character ranges out); a cue line ("Accepted at X '26" over a title) is read by the cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from resume_etl import ids
from resume_etl.dates import DateRangeMatch
from resume_etl.nlp import labels
from resume_etl.stages.extract._definition_citations import read_definition_citation
from resume_etl.stages.extract._draft import Extracted, LinkCandidate, PublicationCandidate
from resume_etl.stages.extract._header import MIN_SEGMENT_CHARS, trimmed_pieces
from resume_etl.stages.extract._spans import LexiconCategories, SpanIndex
from resume_etl.stages.extract.citations import (
    CitationText,
    blank_html_tags,
    join_citation,
    parse_citation,
    split_citations,
)
from resume_etl.stages.segment import Line, LineKind, Section, is_page_furniture, is_prose
from resume_etl.vocab import LinkPlatform
from resume_etl.wordlists import grammar_alternation

_QUOTED_TITLE = re.compile(r"[\"“]([^\"”]{8,300})[\"”]")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _cue_at_line_start(line: Line, spans: SpanIndex) -> Span | None:
    cues = spans.within(labels.PUBLICATION_CUES, line.content_start, line.end)
    if cues and spans.text[line.content_start : cues[0].start_char].strip(" -•*") == "":
        return cues[0]
    return None


def _venue_after_cue(
    cue: Span, line: Line, spans: SpanIndex
) -> tuple[Extracted | None, int | None]:
    text = spans.text
    dates = spans.within(labels.DATES, cue.end_char, line.end)
    year = None
    venue_end = line.end
    if dates:
        match: DateRangeMatch = dates[0]._.get(labels.DATE_RANGE_ATTR)
        if match.start is not None:
            year = match.start.value.year
        venue_end = dates[0].start_char
    for start, end in trimmed_pieces(text, cue.end_char, venue_end):
        return Extracted(text[start:end], start, end, 0.85), year
    return None, year


def build_publication(
    publication_id: str,
    section_id: str | None,
    lines: Sequence[Line],
    spans: SpanIndex,
    cue_status: dict[str, str | None],
) -> PublicationCandidate | None:
    """A publication from an entry: a cue line ("Accepted at X '26") plus a title line, or a
    citation with a quoted title and a year."""
    text = spans.text
    for index, line in enumerate(lines):
        cue = _cue_at_line_start(line, spans)
        if cue is None:
            continue
        venue, year = _venue_after_cue(cue, line, spans)
        others = [other for i, other in enumerate(lines) if i != index and not is_prose(other)]
        if not others:
            return None
        title_line = others[0]
        title = Extracted(title_line.content.strip(), title_line.content_start, title_line.end, 0.8)
        return PublicationCandidate(
            publication_id=publication_id,
            section_id=section_id,
            title=title,
            venue=venue,
            year=year,
            status=cue_status.get(cue.label_),
            span=(min(line.start for line in lines), max(line.end for line in lines)),
        )
    return _citation(publication_id, section_id, lines[0], text)


_VENUE_END = re.compile(r",|\s\d|\s\(|$")


def _venue_after_title(text: str, start: int, end: int) -> Extracted | None:
    """Author-year citations put the venue after the title: '(2021). "Title." Economic Journal
    131(636)' or a talk's '"Title", EMBO Workshop, Cavtat': up to a comma, number or bracket."""
    lead = re.match(r"[\s.,;:\"”]*(?:In\s+)?", text[start:end])
    venue_start = start + (lead.end() if lead else 0)
    stop = _VENUE_END.search(text, venue_start, end)
    venue_end = stop.start() if stop else end
    value = text[venue_start:venue_end].rstrip(" .;:")
    if len(value) < MIN_SEGMENT_CHARS or not value[0].isupper():
        return None
    return Extracted(value, venue_start, venue_start + len(value), 0.6)


def _citation(
    publication_id: str, section_id: str | None, line: Line, text: str
) -> PublicationCandidate | None:
    content = blank_html_tags(text[line.content_start : line.end])
    quoted = _QUOTED_TITLE.search(content)
    year_match = _YEAR.search(content)
    if quoted is None or year_match is None:
        return None
    title_start = line.content_start + quoted.start(1)
    title = Extracted(
        quoted.group(1).strip().rstrip(",."),
        title_start,
        title_start + len(quoted.group(1).strip().rstrip(",.")),
        0.8,
    )
    venue_text_start = line.content_start + quoted.end()
    venue_text_end = line.content_start + year_match.start()
    venue = None
    for start, end in trimmed_pieces(text, venue_text_start, max(venue_text_start, venue_text_end)):
        venue_value = re.sub(r"^(?:In|in)\s+", "", text[start:end])
        venue = Extracted(venue_value, end - len(venue_value), end, 0.7)
    if venue is None:
        venue = _venue_after_title(text, venue_text_start, line.end)
    return PublicationCandidate(
        publication_id=publication_id,
        section_id=section_id,
        title=title,
        venue=venue,
        year=int(year_match.group()),
        status="published",
        span=(line.start, line.end),
    )


def section_publications(
    section: Section,
    section_id: str,
    spans: SpanIndex,
    categories: LexiconCategories,
    doc_id: str,
    first_index: int,
) -> list[PublicationCandidate]:
    """The publications of a publications section.

    The section's entries were cut by layout rules made for jobs, which split an unnumbered
    list of hanging-indent citations in the middle of one: unless its entries open with a cue
    line ("Accepted at X '26" over a title), the whole section is first read as one list of
    citations. Entry by entry is the fallback.
    """
    if not any(_cue_at_line_start(entry.header[0], spans) for entry in section.entries):
        cited = cited_publications(
            doc_id, first_index, section_id, section.lines, spans, categories
        )
        if cited:
            return cited
    found: list[PublicationCandidate] = []
    for lines in (section.intro, *((*e.header, *e.body) for e in section.entries)):
        found.extend(
            listed_publications(
                doc_id, first_index + len(found), section_id, lines, spans, categories
            )
        )
    return found


def listed_publications(
    doc_id: str,
    first_index: int,
    section_id: str | None,
    lines: Sequence[Line],
    spans: SpanIndex,
    categories: LexiconCategories,
) -> list[PublicationCandidate]:
    """The publications of one entry (or the loose lines) of a publications section.

    Lines that open with a cue ("Accepted at X '26" over a title) are read by the cue;
    otherwise they are split into citations (a talk list under one date column holds several).
    When no citation reads, the cue and quoted-title rules still get their chance.
    """
    if not lines:
        return []
    if _cue_at_line_start(lines[0], spans) is None:
        cited = cited_publications(doc_id, first_index, section_id, lines, spans, categories)
        if cited:
            return cited
    found: list[PublicationCandidate] = []
    for group in _cue_groups(lines, spans):
        publication_id = ids.publication_id(doc_id, first_index + len(found))
        single = build_publication(
            publication_id, section_id, group, spans, categories.publication_cues
        )
        if single is not None:
            found.append(single)
    return found


def _cue_groups(lines: Sequence[Line], spans: SpanIndex) -> list[list[Line]]:
    """Lines cut before each cue line that follows a non-cue line: "Accepted at X '24" over a
    title, then "Accepted at Y '23" over the next, are two papers however the entry was cut."""
    groups: list[list[Line]] = []
    for line in lines:
        cued = _cue_at_line_start(line, spans) is not None
        if not groups or (cued and _cue_at_line_start(groups[-1][-1], spans) is None):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def cited_publications(
    doc_id: str,
    first_index: int,
    section_id: str | None,
    lines: Sequence[Line],
    spans: SpanIndex,
    categories: LexiconCategories,
) -> list[PublicationCandidate]:
    """Every citation of ``lines`` that reads as one (numbered, wrapped, dated or plain)."""
    found: list[PublicationCandidate] = []
    listed = [line for line in lines if not is_page_furniture(line.content, "")]
    groups = split_citations(spans.text, listed)
    # An item of its own: a bullet, or in a list of several without bullets a line by itself.
    unbulleted_list = len(groups) > 1 and all(g[0].kind is not LineKind.BULLET for g in groups)
    for group in groups:
        publication_id = ids.publication_id(doc_id, first_index + len(found))
        itemized = group[0].kind is LineKind.BULLET or (unbulleted_list and len(group) == 1)
        cited = _read_definition_item(publication_id, section_id, group, spans, categories)
        cited = cited or _read_citation(
            publication_id, section_id, group, spans, categories, itemized
        )
        if cited is not None:
            found.append(cited)
    return found


def _status(start: int, end: int, spans: SpanIndex, categories: LexiconCategories) -> str | None:
    """What the cue in ``[start, end)`` says of the paper ("Submitted to"), else published."""
    cues = spans.within(labels.PUBLICATION_CUES, start, end)
    return categories.publication_cues.get(cues[0].label_) if cues else "published"


def _read_definition_item(
    publication_id: str,
    section_id: str | None,
    lines: Sequence[Line],
    spans: SpanIndex,
    categories: LexiconCategories,
) -> PublicationCandidate | None:
    """A paper written as a definition list item: the title its term, venue and year in the
    definitions under it (``_definition_citations``)."""
    read = read_definition_citation(spans.text, lines, _venue_leads(lines, spans))
    if read is None:
        return None
    start, end = lines[0].start, lines[-1].end
    return PublicationCandidate(
        publication_id=publication_id,
        section_id=section_id,
        title=_found(spans.text, read.title),
        venue=_found(spans.text, read.venue) if read.venue else None,
        year=read.year,
        url=read.url,
        status=_status(start, end, spans, categories),
        span=(start, end),
    )


def _venue_leads(lines: Sequence[Line], spans: SpanIndex) -> dict[int, int]:
    """Where each line's venue starts when a cue that introduces one opens it ("Submitted
    to", "Presented at"), by the line's start."""
    leads: dict[int, int] = {}
    for line in lines:
        cue = _cue_at_line_start(line, spans)
        if cue is not None and _VENUE_INTRODUCING.search(cue.text):
            leads[line.start] = cue.end_char
    return leads


def _found(text: str, where: tuple[int, int]) -> Extracted:
    return Extracted(text[where[0] : where[1]], where[0], where[1], 0.75)


def _read_citation(
    publication_id: str,
    section_id: str | None,
    lines: Sequence[Line],
    spans: SpanIndex,
    categories: LexiconCategories,
    itemized: bool,
) -> PublicationCandidate | None:
    """One citation, its values mapped back to the document across its line breaks.
    ``itemized``: it is a list item of its own (a bullet, a line of a one-per-line list), so a
    bare title with neither venue nor year still names a paper."""
    joined = join_citation(spans.text, lines)
    parsed = parse_citation(joined.text, joined.breaks, listed=True, bulleted=itemized)
    if parsed is None:
        return None
    start, end = lines[0].start, lines[-1].end
    cues = spans.within(labels.PUBLICATION_CUES, start, end)
    venue = _past_venue_cue(joined, parsed.venue, cues) if parsed.venue else None
    return PublicationCandidate(
        publication_id=publication_id,
        section_id=section_id,
        title=_wrapped(joined, parsed.title),
        venue=_wrapped(joined, venue) if venue else None,
        year=parsed.year,
        status=_status(start, end, spans, categories),
        url=_citation_url(joined.text[slice(*parsed.url)]) if parsed.url else None,
        span=(start, end),
    )


_VENUE_INTRODUCING = re.compile(rf"(?i)\b(?:{grammar_alternation('venue_preposition')})$")


def _past_venue_cue(
    joined: CitationText, venue: tuple[int, int], cues: Sequence[Span]
) -> tuple[int, int]:
    """The venue without a cue that introduces it ("Paper presented at X", "Submitted to X"):
    only a cue ending in a preposition, as "Journal of" is part of the venue's name."""
    document_start, _ = joined.document_range(*venue)
    for cue in cues:
        if cue.start_char == document_start and _VENUE_INTRODUCING.search(cue.text):
            start = next(i for i, at in enumerate(joined.offsets) if at >= cue.end_char)
            while start < venue[1] and joined.text[start] == " ":
                start += 1
            return (start, venue[1]) if start < venue[1] else venue
    return venue


def _wrapped(joined: CitationText, where: tuple[int, int]) -> Extracted:
    """A value read across line breaks: its words as one line, its span the document's."""
    start, end = joined.document_range(*where)
    return Extracted(joined.text[where[0] : where[1]], start, end, 0.75)


def _citation_url(written: str) -> str:
    """A citation's link as a URL: "doi:10.1/x" names https://doi.org/10.1/x."""
    value = written.rstrip(".,;)")
    doi = re.match(r"(?i)doi:\s*", value)
    return f"https://doi.org/{value[doi.end() :]}" if doi else value


def cites(publications: Sequence[PublicationCandidate], found: Extracted | None) -> bool:
    """Whether ``found`` lies inside a publication's text."""
    return found is not None and any(
        start <= found.start < end for start, end in (paper.extent() for paper in publications)
    )


def persons_link(publications: Sequence[PublicationCandidate], link: LinkCandidate) -> bool:
    """A web link inside a citation (its DOI, its page) is the paper's, not the person's; a
    profile (LinkedIn, Scholar, ORCID, ...) stays the person's wherever it is written."""
    return link.platform is not LinkPlatform.WEBSITE or not cites(publications, link.found("text"))


def cued_publications(
    section: Section,
    section_id: str,
    spans: SpanIndex,
    categories: LexiconCategories,
    doc_id: str,
    first_index: int,
) -> list[PublicationCandidate]:
    """Outside a publications section, "Published in X" on its own line names the line above."""
    found: list[PublicationCandidate] = []
    lines = section.lines
    for index in range(1, len(lines)):
        line, previous = lines[index], lines[index - 1]
        if (
            line.kind is not LineKind.TEXT
            or previous.kind is not LineKind.TEXT
            or is_prose(previous)
        ):
            continue
        if _cue_at_line_start(line, spans) is None:
            continue
        publication = build_publication(
            ids.publication_id(doc_id, first_index + len(found)),
            section_id,
            (line, previous),
            spans,
            categories.publication_cues,
        )
        if publication is not None:
            found.append(publication)
    return found
