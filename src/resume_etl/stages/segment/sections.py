"""Sections: which lines are headings, what kind of section each names, and the lines under it."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from resume_etl.config import SegmentSettings
from resume_etl.stages.segment.entries import is_body_label
from resume_etl.stages.segment.lines import Line, LineKind
from resume_etl.stages.segment.periods import is_date_line
from resume_etl.stages.segment.timeline import timelines_as_jobs, unnamed_timeline
from resume_etl.vocab import ENTRY_SECTION_KINDS, SectionKind
from resume_etl.wordlists import builtin_lexicon

_HEADING_DECORATION = re.compile(r"^[\W_]+|[\W_]+$")
_NON_WORD = re.compile(r"[^\w&+#]+")
_LABEL_KINDS = frozenset({SectionKind.SKILLS, SectionKind.OTHER})
"""Kinds a label inside a job may name: "Technologies:", "Tools:", "Achievements:"."""
_SHOUTED_EXTRA_WORDS = 4
"""Words a heading in capitals or closed by a colon may add to its phrase (a title-case line: 2)."""


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
        # A heading in spaced capitals, cut apart where a PDF's letter spacing or small
        # capitals put gaps ("E D U C AT IO N", "P ROFE SSI ONAL E XPER IENCE"), is a phrase
        # when its letters run together are the phrase's letters.
        self._spaced: dict[str, SectionKind] = {}
        for phrase, kind in reversed(self._phrases):
            self._spaced[phrase.replace(" ", "")] = kind

    def classify(self, heading_text: str, max_extra_words: int = 2) -> SectionKind | None:
        """The kind a heading names, or None when no phrase matches closely enough.

        ``max_extra_words`` is how many words beside the phrase a heading may carry ("Selected
        Research Projects"); 0 demands the heading be exactly a phrase.
        """
        words = _normalize_heading(heading_text)
        if heading_text.isupper() and (spaced := self._spaced.get(words.replace(" ", ""))):
            return spaced
        if not words or words.count(" ") + 1 > self._max_words:
            return None
        padded = f" {words} "
        found = [(phrase, kind) for phrase, kind in self._phrases if f" {phrase} " in padded]
        if not found:
            return None
        phrase, kind = found[0]
        if kind is SectionKind.OTHER and _JOINT.search(heading_text):
            phrase, kind = _named_first(padded, found)
        joined = (kind, found[0][1]) if kind is not found[0][1] else (kind,)
        leftover = len(self._rest_of(padded, *joined).split())
        if leftover > max_extra_words or _ends_in_name_head(padded, phrase):
            return None
        return kind

    def _rest_of(self, padded: str, *kinds: SectionKind) -> str:
        """The heading's words that no phrase of ``kinds`` covers: "Skills and kitchen toolkit"
        joins two skills phrases, so only "and kitchen" counts against it."""
        for phrase, phrase_kind in self._phrases:
            if phrase_kind in kinds:
                padded = padded.replace(f" {phrase} ", " ")
        return padded

    def plain_heading_kind(self, line: Line, is_first_line: bool) -> SectionKind | None:
        """Kind of a plain-text line that is a heading, or None if it is not one."""
        if line.kind is not LineKind.TEXT:
            return None
        text = line.content.strip().strip("*_").strip()
        # A sentence closed inside its quotes ("... Methods.”") ends as a sentence does.
        closed = text.rstrip(_CLOSING_QUOTES)
        if not closed or closed[-1] in ".,;" or _LABELLED_VALUE.search(text):
            return None
        label = _HEADING_DECORATION.sub("", text)
        if not label or not (label[0].isupper() or label[0].isdigit()):
            return None
        # A document's first line is usually a name or title ("Projects Lead"): it opens a
        # section only when it shouts or is nothing but a section phrase ("Experience").
        strict = is_first_line and not text.isupper()
        if strict:
            return self.classify(label, max_extra_words=0)
        # A heading in capitals or closed by a colon may qualify its phrase at more length
        # ("UNIVERSITY OF EASTFIELD COMMITTEES", "Education and Further Qualification:")
        # than a bare line in title case, which is as often a name or a title with a section
        # word in it.
        set_off = label.isupper() or text.endswith(":")
        return self.classify(label, max_extra_words=_SHOUTED_EXTRA_WORDS if set_off else 2)


@cache
def _name_heads() -> frozenset[str]:
    """The head words of a job title ("Manager", "Specialist") or of an organization's name
    ("Center", "Association"), one word each, from the title and organization lexicons."""
    return frozenset(
        word
        for file_name in ("title_heads.jsonl", "org_keywords.jsonl")
        for entry in builtin_lexicon(file_name)
        for form in (entry.label, *entry.forms)
        if (word := _normalize_heading(form)) and " " not in word
    )


def _ends_in_name_head(padded: str, phrase: str) -> bool:
    """A section phrase followed by a title's or an organization's head word names a job or an
    employer, not a section: "Training Manager", "Career Center", "Education Association"."""
    after = padded[padded.rindex(f" {phrase} ") + len(phrase) + 2 :].split()
    return bool(after) and after[-1] in _name_heads()


def _named_first(padded: str, found: list[tuple[str, SectionKind]]) -> tuple[str, SectionKind]:
    """ "Education and Certifications", "Degrees & Awards": a heading that names a section of
    its own kind first and joins one of the catch-all kind to it is the former's section, whose
    entries are read; "Certifications & Training" stays the certifications' ("College of
    Education Committees" joins nothing: its committees are the section)."""
    catch_all = padded.index(f" {found[0][0]} ")
    for phrase, kind in found:
        if kind is not SectionKind.OTHER and padded.index(f" {phrase} ") < catch_all:
            return phrase, kind
    return found[0]


_JOINT = re.compile(r"(?i)\s(?:and|&)\s|\s?[/,+]\s?")
"""Where a heading joins two sections' names: "and", "&", a slash, a comma, a plus."""
_CLOSING_QUOTES = "\"'”’»"
# "Skills: HubSpot, Salesforce" is a labelled value, not a heading: text follows the colon.
_LABELLED_VALUE = re.compile(r":\s*\S")


_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
"""A tag of HTML in a markdown heading ("## <span class=\"fa fa-briefcase\"></span> Work"): an
icon or a style, no word of the heading."""


def _normalize_heading(text: str) -> str:
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def group_by_heading(
    lines: list[Line], classifier: SectionClassifier
) -> list[tuple[SectionKind, Line | None, list[Line]]]:
    groups: list[tuple[SectionKind, Line | None, list[Line]]] = [(SectionKind.HEADER, None, [])]
    for index, line in enumerate(lines):
        kind, heading, body = groups[-1]
        new_kind = _heading_kind(line, classifier, index == 0, kind, heading, not body)
        if new_kind is not None and _names_the_job_above(line, body, kind, classifier):
            new_kind = None
        if new_kind is None and body and sub_label(line, heading):
            labels_part = _is_section_label(line, classifier, kind, heading)
            body.append(
                replace(line, label=labels_part or _names_a_skills_group(line, classifier, kind))
            )
        elif new_kind is None and _names_a_skills_group(line, classifier, kind):
            body.append(replace(line, label=True))
        elif new_kind is None:
            body.append(line)
        else:
            groups.append((new_kind, line, []))
    if not groups[0][2] and len(groups) > 1:
        groups.pop(0)
    return timelines_as_jobs(unnamed_timeline(groups), classifier.classify)


def _names_the_job_above(
    line: Line, body: list[Line], kind: SectionKind, classifier: SectionClassifier
) -> bool:
    """ "Educational Consultant" / "2009 - 2014" / "Grander Education" / "Fairview, CA": in a
    job history, a line right under a job's period names that job's employer, however it reads
    as a heading, unless it is exactly a section phrase or set off as one (capitals, a colon):
    a heading opens its section after the last job's lines, not between its period and its
    place."""
    if kind is not SectionKind.EXPERIENCE or not body or line.blank_before:
        return False
    if not is_date_line(body[-1].content) or line.content.isupper():
        return False
    text = line.content.strip()
    return not text.endswith(":") and classifier.classify(text, max_extra_words=0) is None


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


_EMPHASIZED = re.compile(r"(\*{1,2}|_{1,2})(?=\S)[^*_\n]{1,60}(?<=\S)\1")


def sub_label(line: Line, heading: Line | None) -> bool:
    """A line set wholly in emphasis ("_Current Projects_") under a markdown heading: the
    author marks sections with headings, so such a line labels a part of the section."""
    return (
        heading is not None
        and heading.kind is LineKind.MD_HEADING
        and line.kind is LineKind.TEXT
        and _EMPHASIZED.fullmatch(line.content.strip()) is not None
    )


def _names_a_skills_group(line: Line, classifier: SectionClassifier, kind: SectionKind) -> bool:
    """ "Technical Skills" or "Tools" on a line of its own inside a skills section ("Languages"):
    a heading of the section's own kind, which labels the group of the lines after it. Exactly
    a section phrase unless it shouts: "Communication skills" is an item of a one-per-line list.
    """
    return (
        kind is SectionKind.SKILLS
        and classifier.plain_heading_kind(line, is_first_line=True) is SectionKind.SKILLS
    )


def _is_section_label(
    line: Line, classifier: SectionClassifier, kind: SectionKind, heading: Line | None
) -> bool:
    """A sub-label that names a kind of section with more words ("_Completed projects_")
    inside an entry section: a label over part of an entry's description, never its name."""
    named = classifier.plain_heading_kind(line, is_first_line=False)
    return named is not None and _entry_title(line, classifier, kind, heading)


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
    shouting = current_heading is not None and current_heading.content.isupper()
    if quiet_title and (current_body_empty or shouting or sub_label(line, current_heading)):
        return None
    # Inside a plain-text skills section, "Languages" or "Tools" label a group, not a section.
    if kind is not None and kind is current_kind and current_kind is SectionKind.SKILLS:
        return None if current_heading is not None else kind
    # A one-per-line skills list holds items like "Diabetes Education": only a heading that is
    # exactly a section phrase, shouts, or is closed by a colon ("Internship/Experience:")
    # ends the list.
    if (
        kind is not None
        and current_kind is SectionKind.SKILLS
        and not line.content.isupper()
        and not line.content.rstrip().endswith(":")
        and classifier.plain_heading_kind(line, is_first_line=True) is None
    ):
        return None
    # Under a shouted history heading, "Technologies:" or "Achievements:" in a quieter style
    # label part of a job, as the jobs on either side of it show; a peer heading shouts too.
    if (
        kind in _LABEL_KINDS
        and current_kind is SectionKind.EXPERIENCE
        and shouting
        and not line.content.isupper()
        and is_body_label(line.content)
    ):
        return None
    # Inside a job history, "Radio Technologies" or "Release Tooling Group" name an employer or
    # a team: a skills heading there is exactly a section phrase, or shouts.
    if (
        kind is SectionKind.SKILLS
        and current_kind is SectionKind.EXPERIENCE
        and not line.content.isupper()
        and classifier.plain_heading_kind(line, is_first_line=True) is None
    ):
        return None
    return kind
