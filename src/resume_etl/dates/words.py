"""The date words the package ships (``date_words.jsonl``): English month and season names,
"present"/"current" words and range joiners, one list each, read once.
"""

from __future__ import annotations

from resume_etl.wordlists import builtin_lexicon, builtin_values

DATE_WORDS_FILE = "date_words.jsonl"
ENGLISH_MONTHS: dict[str, int] = {
    form: int(number) for form, number in builtin_values(DATE_WORDS_FILE, "month").items()
}
"""Lower-case English month names and abbreviations -> month number (``nlp/data/date_words``)."""
SEASON_MONTHS: dict[str, int] = {
    form: int(number) for form, number in builtin_values(DATE_WORDS_FILE, "season").items()
}
SEASON_TERMS: tuple[str, ...] = tuple(builtin_values(DATE_WORDS_FILE, "season_term"))
"""What may stand between a season and its year ("Fall semester 2019", "Spring term 2020")."""
MONTH_FALSE_FRIENDS = frozenset(builtin_values(DATE_WORDS_FILE, "month_false_friend"))
"""Other languages' month abbreviations that are common English words ("set", "out"): never
read as months."""
MONTH_KEYS = tuple(
    entry.label for entry in builtin_lexicon(DATE_WORDS_FILE) if entry.category == "month"
)
"""Full month names in month order: the keys of dateparser's locale data."""


def ongoing_words(*uses: str, category: str = "ongoing") -> tuple[str, ...]:
    """Words that say a range is still running (``date_words.jsonl``), in the file's order.

    With ``uses``, only the words used so: ``alone`` ("2019 - Present"), ``adverb``
    ("currently"), ``after_to`` ("to date"). The date settings' ``current_words`` default to all
    of them; ``category="ongoing_other_language"`` gives the few other languages' words."""
    words = builtin_values(DATE_WORDS_FILE, category)
    return tuple(form for form, use in words.items() if not uses or use in uses)


def range_words(*uses: str, category: str = "range_to") -> tuple[str, ...]:
    """Words that join a range's ends ("2019 to 2021"), in the file's order (``date_words.jsonl``).

    With ``uses``, only those of that use: ``common`` ("to", "until", "till") or ``us``
    ("through", "thru"); ``category="range_to_other_language"`` gives "bis", "au"."""
    words = builtin_values(DATE_WORDS_FILE, category)
    return tuple(form for form, use in words.items() if not uses or use in uses)


def other_language_ongoing_words() -> tuple[str, ...]:
    """Other languages' words that end a running range ("2019 – heute", "2019.07 – 至今"): the
    date parser reads them whatever ``current_words`` says, as it reads English month names.

    ``ongoing_other_language`` is also a line-role feature; ``ongoing_dates_only`` is read by
    the date parser alone (a word added to the features needs the model retrained)."""
    return ongoing_words(category="ongoing_other_language") + ongoing_words(
        "alone", category="ongoing_dates_only"
    )


AFTER_START_WORDS = ongoing_words("after_start", category="ongoing_dates_only")
"""Words that follow a start with no end to say it still runs ("2019 onwards")."""
SINCE_WORDS = tuple(builtin_values(DATE_WORDS_FILE, "since"))
"""Words before a lone start that make it a running range ("since 2018", "seit 2018")."""


MONTH_OR_SEASON = (
    rf"(?:{'|'.join(sorted(ENGLISH_MONTHS, key=len, reverse=True))})[a-z]*\.?"
    rf"|{'|'.join(SEASON_MONTHS)}"
)
"""A regex fragment: a month name or abbreviation ("Sept.", "September") or a season, for the
stages that spot a date-like line without parsing it."""
