"""Entries: split an entry-bearing section into entries, and the layout rules that say where a
new entry starts."""

from __future__ import annotations

import re
from itertools import pairwise

from resume_etl.stages.segment.describing import goes_on_describing, runs_as_sentence
from resume_etl.stages.segment.drafts import MAX_HEADER_LINES, Entry, EntryDraft
from resume_etl.stages.segment.emphasis import bold_led_step, leads_in_bold
from resume_etl.stages.segment.lines import (
    Line,
    LineKind,
    is_definition,
    is_prose,
    names_only,
)
from resume_etl.stages.segment.model_steps import RoleAt, Step, apply_step, model_step
from resume_etl.stages.segment.periods import (
    DATE_AT_START,
    DATE_LINE,
    OPEN_RANGE_AT_END,
    YEAR_FIELD_AT_END,
    YEAR_IN_PARENTHESES_AT_END,
    has_closing_period,
    has_date_field,
    is_date_line,
    is_period_alone,
    without_dates,
)
from resume_etl.stages.segment.promotions import second_year, title_over_each_period
from resume_etl.stages.segment.wrapping import full_width, wrapped_into
from resume_etl.vocab import SectionKind


def _is_bulleted_entry(kind: SectionKind, line: Line, current: EntryDraft | None) -> bool:
    """ "- Diploma in Law, Temasek Polytechnic (2013 - 2016)", "- Ed.D., Finance, X University,
    1988": in an education list of bullets, a dated bullet is a whole entry (not the body of
    the one before)."""
    if kind is not SectionKind.EDUCATION or line.kind is not LineKind.BULLET:
        return False
    if current is not None and current.header[0].kind is not LineKind.BULLET:
        return False
    content = line.content
    return (
        is_date_line(content)
        or YEAR_IN_PARENTHESES_AT_END.search(content) is not None
        or YEAR_FIELD_AT_END.search(content) is not None
    )


_LEADING_LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z ]{1,30}:\s")


def _is_dated_school_line(kind: SectionKind, line: Line, current: EntryDraft | None) -> bool:
    """ "PhD in Physics, Faculty of Science, University of X (2020 - 2024)": in an education
    section a line that closes with its years in parentheses is a whole entry, however long,
    once the entry before it has its own years."""
    if kind is not SectionKind.EDUCATION or line.kind is not LineKind.TEXT:
        return False
    content = line.content
    if YEAR_IN_PARENTHESES_AT_END.search(content) is None or _LEADING_LABEL.match(content):
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
        and DATE_AT_START.match(plain) is None
        and _BODY_LABEL.match(plain) is None
    )


def _is_listed_project(kind: SectionKind, line: Line, current: EntryDraft | None) -> bool:
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


_MAX_JOB_ITEM_WORDS = 10
"""Words beside its period that a job's header holds ("Senior Engineer - Foo GmbH"); more is
a sentence of description."""


def is_job_item(line: Line) -> bool:
    """A list item that is a job's header: a period ("2019-present", "(Jan 2019 - Mar 2021)")
    and a few words that name a title or an employer, with no number beside the period and no
    sentence. "- Led 5 engineers, cut costs 30% (2019)" is a bullet of description."""
    if line.kind is not LineKind.BULLET or is_prose(line):
        return False
    content = line.content
    if not (is_date_line(content) or has_date_field(content)):
        return False
    beside = without_dates(DATE_LINE.sub(" ", content))
    words = [word for word in beside.split() if any(char.isalpha() for char in word)]
    return (
        0 < len(words) <= _MAX_JOB_ITEM_WORDS
        and _DIGIT_BESIDE_PERIOD.search(_YEAR_OR_RANGE.sub(" ", beside)) is None
        and _BODY_LABEL.match(content) is None
    )


_DIGIT_BESIDE_PERIOD = re.compile(r"\d")
# What the period pattern leaves of a range's ends: "2018" of "2018 - 2020", a year in brackets.
_YEAR_OR_RANGE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _is_listed_job(
    kind: SectionKind, line: Line, current: EntryDraft | None, jobs_listed: bool
) -> bool:
    """ "- **Data Analyst**, Tallowby Ltd (Jan 2019 - Mar 2021)": in an experience section a
    list item that is a job's header opens a job when every item of the section's list is
    one (``jobs_listed``), or when no job is open yet, or when the open job was itself opened
    by such an item (jobs as items, each with its own description items below it). Any other
    item stays the open job's description."""
    if kind is not SectionKind.EXPERIENCE or not is_job_item(line):
        return False
    if jobs_listed or current is None:
        return True
    return is_job_item(current.header[0])


def _lists_jobs(kind: SectionKind, lines: list[Line]) -> bool:
    """Every list item of an experience section is a job's header."""
    items = [line for line in lines if line.kind is LineKind.BULLET]
    return kind is SectionKind.EXPERIENCE and bool(items) and all(map(is_job_item, items))


# Labels that introduce part of an entry's body, never its header: "Skills: A · B" under a
# LinkedIn role, "Responsibilities:" in a labelled CV.
_BODY_LABEL = re.compile(
    r"(?i)^\s*(?:skills|key skills|tools|technologies|tech stack|stack|responsibilities|duties"
    r"|achievements|key achievements|activities(?: and societies)?|thesis|dissertation"
    r"|highlights|courses|coursework|relevant coursework)\s*:"
)


def is_body_label(text: str) -> bool:
    """The line opens with a label of a part of an entry's body ("Responsibilities:",
    "Technologies: Java, SQL")."""
    return _BODY_LABEL.match(text) is not None


def _opens_by_exact_rule(
    kind: SectionKind, line: Line, current: EntryDraft | None, jobs_listed: bool = False
) -> bool:
    """The line opens an entry by a rule that the line-role model is never asked about."""
    return (
        _starts_own_entry(kind, line)
        or _is_listed_job(kind, line, current, jobs_listed)
        or _is_bulleted_entry(kind, line, current)
        or _is_listed_project(kind, line, current)
        or _is_dated_school_line(kind, line, current)
    )


def split_entries(
    kind: SectionKind, lines: list[Line], roles: RoleAt | None = None
) -> tuple[tuple[Entry, ...], tuple[Line, ...]]:
    """Split an entry-bearing section's body into entries and the intro lines before them.

    Exact layout rules come first (markdown headings, tables, one-line citations and
    projects); then the line-role model's guess where it has one (``roles``); the other
    rules decide the rest.
    """
    drafts: list[EntryDraft] = []
    intro: list[Line] = []
    previous: Line | None = None
    table_header: Line | None = None
    jobs_listed = _lists_jobs(kind, lines)
    bold_led = leads_in_bold(lines)
    width = full_width(lines)
    for index, line in enumerate(lines):
        current = drafts[-1] if drafts else None
        if line.kind is LineKind.TABLE_ROW and kind is not SectionKind.PUBLICATIONS:
            # A table in an entry section: its first row names the columns, each next row is
            # one entry ("| 2021 - now | Senior Data Engineer | Vistula Payments |").
            if previous is None or previous.kind is not LineKind.TABLE_ROW:
                table_header = line
            else:
                drafts.append(EntryDraft(header=[line], columns=table_header))
            previous = line
            continue
        if _opens_by_exact_rule(kind, line, current, jobs_listed):
            drafts.append(EntryDraft(header=[line]))
        elif line.label and current is not None:
            current.body.append(line)  # "_Current Projects_": a label over part of the body
        elif bold_led and bold_led_step(line, current, drafts):
            pass  # a section whose entries open with bold names (``emphasis``)
        elif roles and current is not None and _BODY_LABEL.match(line.content):
            current.body.append(line)  # the rules' exact reading of a labelled body line
        elif (
            roles
            and current is not None
            and not current.body
            and _ends_range_of(current.header[-1], line)
        ):
            current.header.append(line)  # "Jan 2020 -" then "Mar 2021": one range
        elif (step := model_step((roles or {}).get(line.start), line, current)) is not None:
            apply_step(step, line, current, drafts, intro)
            if step is Step.DROP:
                continue
        else:
            following = lines[index + 1 : index + 2]
            _place_by_rules(kind, line, (previous, following), width, (drafts, intro))
        previous = line
    _give_back_titles(drafts)
    title_over_each_period(drafts)
    _definitions_as_headers(drafts)
    return tuple(d.freeze() for d in drafts), tuple(intro)


def _place_by_rules(
    kind: SectionKind,
    line: Line,
    around: tuple[Line | None, list[Line]],
    width: int | None,
    placed: tuple[list[EntryDraft], list[Line]],
) -> None:
    """Where the other rules put a line no exact rule and no model placed: on the line it
    wraps from, in a body (a bullet, a sentence, a duty after a description), as a new entry,
    or in the open header. ``around`` is the line before and the one after (if any)."""
    drafts, intro = placed
    previous, following = around
    current = drafts[-1] if drafts else None
    if (wrapped := wrapped_into(current, line, previous, width)) is not None:
        wrapped.append(line)
    elif (
        line.kind is LineKind.BULLET
        or (is_prose(line) and not _school_line(kind, line))
        or runs_as_sentence(line)
        or line.kind is LineKind.TABLE_ROW
        or (current is not None and _BODY_LABEL.match(line.content))
    ):
        (current.body if current else intro).append(line)
    elif current is not None and current.body and goes_on_describing(line, following):
        current.body.append(line)  # a duty written without its bullet or its full stop
    elif _opens_new_entry(current, line, drafts[0] if drafts else None) or (
        kind is SectionKind.EXPERIENCE and second_year(current, line)
    ):
        drafts.append(EntryDraft(header=[line]))
    else:
        assert current is not None
        current.header.append(line)


def _school_line(kind: SectionKind, line: Line) -> bool:
    """In an education section, a line of names closed by a full stop ("Eastvale University,
    1979.", "MS., Northvale Institute of Technology, Pune, India.") heads a school, where
    elsewhere a full stop makes a line a sentence."""
    return kind is SectionKind.EDUCATION and names_only(line)


def _give_back_titles(drafts: list[EntryDraft]) -> None:
    """Where a header states its period on a line of its own after its title ("MSc Nursing" /
    "2023 - present" / "University of Leeds") and the next entry was opened at its period
    line, the lines before that period in the header above are the next entry's title: the
    header above keeps as many title lines before its own period, and gives the rest back.
    Entries whose period comes first ("2013 - 2014" / "LPC" / "Law School") have none to give;
    a period after a blank line opens its entry by itself."""
    for above, entry in pairwise(drafts):
        opening = entry.header[0]
        if above.body or opening.blank_before or not is_date_line(opening.content):
            continue
        dated = [is_date_line(line.content) for line in above.header]
        titles = dated.index(True) if True in dated else 0  # title lines before its period
        rest = dated[titles + 1 :]
        if titles == 0 or len(rest) <= titles or any(rest[-titles:]):
            continue
        entry.header[:0] = above.header[-titles:]
        del above.header[-titles:]


def _definitions_as_headers(drafts: list[EntryDraft]) -> None:
    """ "2016-present" then ":   Fisheries Modelling Consultant to the [River Trust](url).": a
    definition list whose term is an entry's period defines the entry by its first
    definition, which names the position, however much it reads as a sentence."""
    for draft in drafts:
        if not draft.body or not is_definition(draft.body[0]) or len(draft.header) != 1:
            continue
        if is_period_alone(draft.header[0].content):
            draft.header.append(draft.body.pop(0))


def _starts_own_entry(kind: SectionKind, line: Line) -> bool:
    # A definition list's term names its item ("2010" over ":   **BSc**; School"), however
    # the lines above it read: it never continues the item before.
    if line.kind is LineKind.MD_HEADING or line.term:
        return True
    # A publication list puts one citation on each bullet or numbered line.
    return kind is SectionKind.PUBLICATIONS and line.kind is LineKind.BULLET


def _opens_new_entry(
    current: EntryDraft | None, line: Line, first: EntryDraft | None = None
) -> bool:
    if current is None or current.body or len(current.header) >= MAX_HEADER_LINES:
        return True
    if _ends_range_of(current.header[-1], line):
        # "Jan 2020 -" then "Mar 2021": one range wrapped over two lines, one entry.
        return False
    closes_with_year = YEAR_FIELD_AT_END.search(line.content) is not None
    if closes_with_year and current.has_year_field():
        # "Ph.D., LSE, 2015" then "M.A., USP, 2010": each line is a whole entry.
        return True
    if line.blank_before and current.dated_after_title():
        # "Title / Org / Dates", a blank line, then the next title: the date closed the header
        # (a bare year too: "Diploma / University / 2014", a blank line, "Bachelor of Arts").
        return True
    if current.closed_by_titled_period() and first is not None and first.closed_by_titled_period():
        # "Org, Place" / "Title (2013 - present)" / "Org, Place" / ...: where the section's
        # first job closes its header with a period, every header closes so.
        return True
    if not current.has_date():
        return False
    # A second period in one header means a second entry; after a blank line a bare year
    # ("Clerk | Shop | 2018") is enough to say so.
    return (
        is_date_line(line.content)
        or (line.blank_before and has_closing_period(line.content))
        or (line.blank_before and YEAR_FIELD_AT_END.search(line.content) is not None)
    )


def _ends_range_of(previous: Line, line: Line) -> bool:
    """``line`` closes a range ``previous`` left open, so it is no second entry's period."""
    return (
        not line.blank_before
        and OPEN_RANGE_AT_END.search(previous.content) is not None
        and DATE_AT_START.match(line.content.lstrip()) is not None
    )
