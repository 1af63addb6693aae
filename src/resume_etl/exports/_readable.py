"""What a JSON Resume reader sees of skills, spoken languages and certificates.

The tables keep what the text said (``skills.group`` as written, lexicon categories as keys);
a person reading a profile page wants ``Key Skills`` once however the heading was cased, spoken
languages with their level (``German — Native``), and certificates, which the tables hold only
as the lines of a certifications section (``sections.kind = other``). This module reads those
from the stored rows and spans; the words it needs are data (``data/jsonresume_words.jsonl``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from resume_etl.dates import ENGLISH_MONTHS
from resume_etl.records import SectionRecord, SkillRecord
from resume_etl.vocab import SectionKind, SkillSource
from resume_etl.wordlists import alternation, read_rows

DATA_FILE = "jsonresume_words.jsonl"
SPOKEN = "language"
"""The skills lexicon's category of spoken languages."""
UNGROUPED = "Skills"
MENTIONED_OTHER = "Other skills"


class WordKind(StrEnum):
    CATEGORY_LABEL = "category_label"
    CERTIFICATE_HEADING = "certificate_heading"
    KEEP_UPPER = "keep_upper"
    KEEP_LOWER = "keep_lower"
    CERTIFICATE_DATE_LABEL = "certificate_date_label"


class WordEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: WordKind
    key: str | None = None
    label: str | None = None
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Words:
    category_labels: dict[str, str]
    certificate_headings: frozenset[str]
    keep_upper: frozenset[str]
    keep_lower: frozenset[str]
    certificate_date: re.Pattern[str]
    """A certificate's date line: "Issued Mar 2021", "Credential ID …"."""


@cache
def words() -> Words:
    """The data file, read once; a bad line stops with E102 naming it."""
    entries = read_rows(
        Path(str(files("resume_etl.exports").joinpath("data", DATA_FILE))), WordEntry.model_validate
    )
    return Words(
        category_labels={
            e.key: e.label
            for e in entries
            if e.kind is WordKind.CATEGORY_LABEL and e.key and e.label
        },
        certificate_headings=_of_kind(entries, WordKind.CERTIFICATE_HEADING),
        keep_upper=_of_kind(entries, WordKind.KEEP_UPPER),
        keep_lower=_of_kind(entries, WordKind.KEEP_LOWER),
        certificate_date=re.compile(
            rf"^(?:{alternation(_of_kind(entries, WordKind.CERTIFICATE_DATE_LABEL))})\b",
            re.IGNORECASE,
        ),
    )


def _of_kind(entries: Sequence[WordEntry], kind: WordKind) -> frozenset[str]:
    return frozenset(word for entry in entries if entry.kind is kind for word in entry.words)


_MARKUP = re.compile(r"[*_#`]+")


def readable_heading(heading: str) -> str:
    """'KEY SKILLS:' -> 'Key Skills', '**tools**' -> 'Tools'; mixed case stays as written."""
    text = _MARKUP.sub("", heading).strip().rstrip(":").strip()
    if not any(char.isalpha() for char in text) or not (text.isupper() or text.islower()):
        return text
    return " ".join(_title_word(word, index) for index, word in enumerate(text.split()))


def _title_word(word: str, index: int) -> str:
    if word.upper() in words().keep_upper:
        return word.upper()
    lower = word.lower()
    return lower if index and lower in words().keep_lower else lower[:1].upper() + lower[1:]


def _group_key(name: str) -> str:
    return re.sub(r"\W+", " ", name.casefold()).strip()


def category_label(category: str | None) -> str:
    """'ml' -> 'Machine learning'; a category the data file lacks, readable all the same."""
    if not category:
        return MENTIONED_OTHER
    return words().category_labels.get(category) or category.replace("_", " ").capitalize()


def skill_groups(skills: Sequence[SkillRecord], spoken: set[str]) -> list[tuple[str, list[str]]]:
    """Named groups of skill names: the document's own groups (one per heading however cased),
    then skills only mentioned in the text under their category; spoken languages left out."""
    groups: dict[str, tuple[str, list[str]]] = {}
    listed = [s for s in skills if s.source == SkillSource.SKILLS_SECTION]
    mentioned = [s for s in skills if s.source != SkillSource.SKILLS_SECTION]
    for skill in [*listed, *mentioned]:
        if skill.skill_id in spoken:
            continue
        if skill.source == SkillSource.SKILLS_SECTION:
            name = readable_heading(skill.group or "") or UNGROUPED
        else:
            name = category_label(skill.category)
        _, keywords = groups.setdefault(_group_key(name), (name, []))
        if skill.name not in keywords:
            keywords.append(skill.name)
    return [group for group in groups.values() if group[1]]


SpokenLanguage = tuple[SkillRecord, str | None]
"""A listed language and the level stated next to it ('Native', 'C1'), if any."""


def spoken_languages(skills: Sequence[SkillRecord], text: str) -> list[SpokenLanguage]:
    """Spoken languages the document lists, each with the level written next to it.

    A listed skill of the lexicon's language category is one; so is a one-word, capitalized
    item the lexicon lacks in a group whose lexicon items are all languages (``Kannada``
    beside ``English, Tamil, Hindi``). Languages only mentioned in prose are not listed ("French
    cuisine" says nothing of a chef's French).
    """
    listed = [s for s in skills if s.source == SkillSource.SKILLS_SECTION]
    language_groups = _language_groups(listed)
    chosen = [
        skill
        for skill in listed
        if skill.category == SPOKEN
        or (
            not skill.in_lexicon
            and skill.group in language_groups
            and re.fullmatch(r"[^\W\d_][^\W\d_'-]+", skill.name)
            and skill.name[0].isupper()
        )
    ]
    return [(skill, _stated_level(text, skill)) for skill in chosen]


def _language_groups(listed: Sequence[SkillRecord]) -> set[str | None]:
    by_group: dict[str | None, list[SkillRecord]] = {}
    for skill in listed:
        by_group.setdefault(skill.group, []).append(skill)
    return {
        group
        for group, members in by_group.items()
        if sum(s.category == SPOKEN for s in members) >= 2
        and all(s.category == SPOKEN for s in members if s.in_lexicon)
    }


_LEVEL_AFTER = re.compile(
    r"[ \t]*(?:\(([^()\n]{1,40})\)|[:–—-][ \t]*([^\W\d][^\n,;()/]{0,28}?)[ \t]*(?=[,;\n]|$))"
)
_LEVEL_LINE = re.compile(r"\n[ \t]*([^\n]{3,60}\bproficiency)[ \t]*(?=\n|$)", re.IGNORECASE)


def _stated_level(text: str, skill: SkillRecord) -> str | None:
    """'(native)', '(fluent, C2)', ' - basic', or LinkedIn's next line '… proficiency'."""
    for span in skill.spans:
        after = _LEVEL_AFTER.match(text, span.end)
        if after is None:
            after = _LEVEL_LINE.match(text, span.end)
        if after is not None:
            level = next(group for group in after.groups() if group is not None).strip()
            if level:
                return level[:1].upper() + level[1:]
    return None


@dataclass(frozen=True)
class Certificate:
    name: str
    date: str | None = None
    issuer: str | None = None


_MONTHS = "|".join(sorted(ENGLISH_MONTHS, key=len, reverse=True))
_DATE = re.compile(rf"\b(?:({_MONTHS})\.?\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_BULLET = re.compile(r"^[-*•·]\s+")


def certificates(sections: Sequence[SectionRecord], text: str) -> list[Certificate]:
    """The certificates of every certifications section ('Licenses & certifications', …)."""
    found: list[Certificate] = []
    for section in sections:
        if section.kind is SectionKind.OTHER and _names_certificates(section.heading):
            start = section.heading_span.end if section.heading_span else section.span.start
            found.extend(_section_certificates(text[start : section.span.end]))
    return found


def _names_certificates(heading: str | None) -> bool:
    heading_words = set(re.findall(r"[^\W\d_]+", (heading or "").casefold()))
    return bool(heading_words & words().certificate_headings)


def _section_certificates(body: str) -> Iterator[Certificate]:
    lines = [_BULLET.sub("", _MARKUP.sub("", line)).strip() for line in body.split("\n")]
    if any(words().certificate_date.match(line) for line in lines):
        yield from _issued_blocks(lines)
        return
    for line in lines:
        if line and len(line) <= 150 and any(char.isalpha() for char in line):
            yield _one_line(line)


def _one_line(line: str) -> Certificate:
    """'Six Sigma Green Belt (TÜV SÜD), 2018' or 'Name      renewed 2023': name and date."""
    dates = list(_DATE.finditer(line))
    if not dates:
        return Certificate(name=line)
    date = dates[-1]
    name = re.split(r"\s{2,}", line[: date.start()].strip())[0] if date.start() else line
    name = name.rstrip(" ,;:|–—-(").strip() or line
    return Certificate(name=name, date=_iso(date))


def _issued_blocks(lines: Sequence[str]) -> Iterator[Certificate]:
    """LinkedIn's form: a name line, an issuer line, 'Issued Mar 2021', a blank line."""
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        named = [entry for entry in block if not words().certificate_date.match(entry)]
        if named:
            issued = next(
                (_DATE.search(entry) for entry in block if words().certificate_date.match(entry)),
                None,
            )
            yield Certificate(
                name=named[0],
                issuer=named[1] if len(named) > 1 else None,
                date=_iso(issued) if issued else None,
            )
        block = []


def _iso(date: re.Match[str]) -> str:
    month, year = date.group(1), date.group(2)
    if month is None:
        return year
    return f"{year}-{ENGLISH_MONTHS[month.lower().rstrip('.')]:02d}"
