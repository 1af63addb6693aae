"""Lines that go on describing a job rather than open the next one: a sentence wrapped without
its full stop, and a duty written without its bullet. Job-board résumés pulled as one line
have neither bullets nor line ends to tell them by, so their words do: a header capitalizes
the names it gives or states a period, a description writes its content words in lower case.
The rules read a line's words only (``nlp.word_shape``), no lexicon and no model."""

from __future__ import annotations

from resume_etl.nlp.word_shape import is_lower_content_word
from resume_etl.stages.segment.lines import Line, LineKind, names_only
from resume_etl.stages.segment.periods import has_date_field, is_date_line

_SENTENCE_CASE_WORDS = 7
_SENTENCE_CASE_LOWER = 3


def runs_as_sentence(line: Line) -> bool:
    """A piece of a sentence wrapped over lines without its full stop ("Wrote and maintained
    shared reporting templates that describe the"): it opens like a sentence, a capital then a word
    in lower case, and writes its content words in lower case (every letter of them, so a
    name with an inner capital, "eBay", is not one; ``is_lower_content_word``). A header
    capitalizes its content words and opens with a name or a title ("Senior Manager, Site
    Operations - Grew this regional firm ..."), even when a sentence runs on after it; a line
    holding a period is a header ("brightfeld media gmbh & co. kg, Kiel   08/2010 - 08/2013")."""
    content = line.content
    words = content.split()
    if len(words) < _SENTENCE_CASE_WORDS or not words[1][:1].islower():
        return False
    if is_date_line(content) or has_date_field(content):
        return False
    lower = [w for w in words if is_lower_content_word(w, every_letter=True)]
    return len(lower) >= _SENTENCE_CASE_LOWER


_PHRASE_LOWER_WORDS = 2
_WORD_EDGES = ",;:.()"


def goes_on_describing(line: Line, following: list[Line]) -> bool:
    """After a job's description, a line that writes two content words in lower case and
    states no period ("Ordering stock for the weekend markets", "Coaching new staff on the
    till") is one more duty written without its bullet or its full stop, not the
    header of a new job: a header names its employer and title in capitals ("Harwick Books,
    Leeds") or states its period. A title in sentence case heads a job only where the next
    line states its period ("Customer service advisor" / "2019 - 2021")."""
    content = line.content
    if line.kind is not LineKind.TEXT or names_only(line) or states_period(line):
        return False
    if following and states_period(following[0]):
        return False
    words = (word.strip(_WORD_EDGES) for word in content.split())
    lower = [word for word in words if is_lower_content_word(word, every_letter=True)]
    return len(lower) >= _PHRASE_LOWER_WORDS


def states_period(line: Line) -> bool:
    """The line states a period: a date or a range, alone or as one of its fields."""
    return is_date_line(line.content) or has_date_field(line.content)


_SENTENCE_WORDS = 8


def reads_as_sentence(line: Line) -> bool:
    """A long line that writes three content words in lower case ("Championed the new power
    line to phone companies across the region"), whatever its second word: no title or name
    runs so long in lower case. Asked only where a header has no name to lose."""
    words = [word.strip(_WORD_EDGES) for word in line.content.split()]
    lower = [word for word in words if is_lower_content_word(word, every_letter=True)]
    return len(words) >= _SENTENCE_WORDS and len(lower) >= _SENTENCE_CASE_LOWER
