"""Span-group keys and labels the resume-etl components write, spelled once.

Components write ``doc.spans[KEY]``; the extract stage reads the same keys. A user who adds a
component to their own ``nlp`` reads its results under these keys.
"""

from __future__ import annotations

CONTACTS = "contacts"
DATES = "dates"
SKILLS = "skills"
DEGREES = "degrees"
EMPLOYMENT_TYPES = "employment_types"
TITLE_HEADS = "title_heads"
ORG_KEYWORDS = "org_keywords"
PUBLICATION_CUES = "publication_cues"
PERSON_NAMES = "person_names"
METRICS = "metrics"

LEXICON_KEYS = (SKILLS, DEGREES, EMPLOYMENT_TYPES, TITLE_HEADS, ORG_KEYWORDS, PUBLICATION_CUES)
"""The groups the extract stage reads lexicon matches from. A lexicon component's ``span_key``
says which of them its matches join (and so what they mean: a skill, a degree, …); lexicons with
the same key add to one group, so a lexicon of your own extends the shipped one."""

EMAIL = "EMAIL"
PHONE = "PHONE"
URL = "URL"
"""Labels of spans in the ``contacts`` group."""

NAME_STATEMENT = "NAME_STATEMENT"
"""Label of a name the text states ("I am …", "My name is …")."""

DATE_RANGE_ATTR = "resume_etl_date_range"
METRIC_ATTR = "resume_etl_metric"
CATEGORY_ATTR = "resume_etl_category"
CONTACT_ATTR = "resume_etl_contact"
"""``Span._`` extension attributes holding a span's parsed value."""

ACADEMIC = "academic"
"""The category (``CATEGORY_ATTR``) of the organization lexicon's school words ("University",
"College", "Institute" in ``org_keywords.jsonl``): the one category the extract stage asks for by
name, to tell a school from an employer."""

METRICS_CAPPED = "resume_etl_capped"
"""Key in the ``metrics`` group's ``attrs``: True when a cap of the metric finder left a metric
out (``nlp.metrics.MAX_METRICS``, ``MAX_NUMBERS``, each counted per stretch of the text's
length up to a ceiling; ``metric_numbers.cap_for``)."""

ENTITY_RANGES_ATTR = "resume_etl_entity_ranges"
"""``Doc._`` attribute: the character ranges whose named entities the extract stage reads, set as
data between the rule components and the focus component, which requires it and runs the entity
recognizer only there (everywhere when it is unset)."""
