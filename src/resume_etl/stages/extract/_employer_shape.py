"""Whether a phrase found where an employer should be can name one at all.

The header rules find an employer by where a phrase stands (its slot, "at", a line of its own)
and what the lexicons and NER say of its words. In text whose lines were guessed (a résumé
pulled as one line) or whose headings were missed (a publications list read as jobs), that
place holds pieces of sentences and cited titles just as often. Their shape gives them away,
whatever stands around them; counted over the dotin dev half's predicted employers (no gold
employer among them, while 0 of 241 matched ones has this shape):

- a quotation mark: a cited title ("Panel on “Teaching with Open Data”"), never a firm;
- more than eight words, one of them a lower-case content word: a sentence ("Chaired a session at
  the regional meeting of the ..."); a long name capitalizes its words ("Northvale Centre
  for Applied Signal Processing and Human Interaction Research");
- three words or more, half of them lower-case content words ("Coached volunteers in grant
  writing"): a name writes its content words in capitals, lower case only its small words;
- one word that is only an organization's kind ("School", "Company", "Systems", "Startup", the
  organization lexicon's words): what the employer is, not who (its name was cut off);
- a first-person word then a lower-case word ("I developed Printwise"): a sentence about the
  job ("Our Lady of Lourdes Hospital" goes on in capitals);
- one word that stands for several names, none said ("Other", "Various": a term over a few
  odd jobs), the ``placeholder_name``s of ``entry_words.jsonl``.

A phrase that ends in a small grammar word ("University of", "Office Manager and later as a")
was cut from a sentence or a wrapped line: neither an employer nor a title ends so
(``ends_unfinished``, read for both).

Short lower-case names ("loomwork", "kestrel labs") and firms named by a legal form
("brightfeld gmbh & co. kg") keep their place.
"""

from __future__ import annotations

import re

from resume_etl.nlp.word_shape import is_lower_content_word
from resume_etl.stages.extract._firm_names import names_a_firm
from resume_etl.wordlists import (
    builtin_forms,
    builtin_lexicon,
    grammar_alternation,
    grammar_forms,
)

_QUOTE_MARKS = re.compile('["“”‘]')
_FIRST_PERSON = grammar_forms("first_person")
"""Words the text uses for its writer ("I", "my", "we", "our"), as written."""
_KIND_WORDS = frozenset(
    form.lower().strip(".")
    for entry in builtin_lexicon("org_keywords.jsonl")
    for form in (entry.label, *entry.forms)
)
"""The organization lexicon's words, each alone the kind of an organization, not its name."""
_NO_NAME_WORDS = _KIND_WORDS | builtin_forms("entry_words.jsonl", "placeholder_name")
"""One word alone that names no one: an organization's kind, or a placeholder ("Other")."""
_MAX_NAME_WORDS = 8
_MIN_CLAUSE_WORDS = 3

_SMALL_WORDS = grammar_forms("clause_start") | grammar_forms("after_opening_verb")
"""Words a sentence goes on with ("and", "of", "in", "a", "the"): no name or title ends in one."""


def ends_unfinished(text: str) -> bool:
    """Whether ``text`` of two words or more ends in a small grammar word (see the module)."""
    words = text.split()
    return len(words) > 1 and words[-1].lower() in _SMALL_WORDS


def can_name_employer(text: str) -> bool:
    """Whether ``text`` has the shape of an organization's name (see the module)."""
    if names_a_firm(text):
        return True
    if _QUOTE_MARKS.search(text) or ends_unfinished(text):
        return False
    words = text.split()
    if len(words) == 1 and text.lower().strip(".,()") in _NO_NAME_WORDS:
        return False
    if len(words) > 1 and words[0] in _FIRST_PERSON and words[1][0].islower():
        return False
    lower = sum(is_lower_content_word(word) for word in words)
    if len(words) > _MAX_NAME_WORDS and lower:
        return False
    return not (len(words) >= _MIN_CLAUSE_WORDS and 2 * lower >= len(words))


_AGENCY_LEAD = re.compile(rf"(?i)\b(?:{grammar_alternation('agency_preposition')})\W*$")


def placed_through(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows "via" or "through" on its line: "**Engineer** for
    [Client](url) (Contract via [Agency](url))". The agency that placed a contractor is not the
    employer the job was done for."""
    line_start = text.rfind("\n", 0, start) + 1
    return _AGENCY_LEAD.search(text, line_start, start) is not None
