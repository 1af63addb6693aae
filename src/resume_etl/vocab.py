"""Closed vocabularies shared by every stage: one module, so a label is spelled once.

Each enum is a ``StrEnum`` so its members compare equal to their string values, serialize to
Parquet as plain strings (dictionary-encoded, so pandas opens them as categoricals) and can be
written in pipeline files.
"""

from __future__ import annotations

from enum import StrEnum


class SectionKind(StrEnum):
    """What a section of a résumé is about."""

    HEADER = "header"
    """Text before the first heading: name, headline, contact lines."""
    SUMMARY = "summary"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    PROJECTS = "projects"
    PUBLICATIONS = "publications"
    SKILLS = "skills"
    CONTACT = "contact"
    OTHER = "other"


class SourceFormat(StrEnum):
    """The kind of file a document was read from (``documents.source_format``)."""

    TEXT = "text"
    MARKDOWN = "markdown"
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"


ENTRY_SECTION_KINDS: frozenset[SectionKind] = frozenset(
    {SectionKind.EXPERIENCE, SectionKind.EDUCATION, SectionKind.PROJECTS, SectionKind.PUBLICATIONS}
)
"""Sections whose body is a list of entries (a header, then description and bullets)."""


class DatePrecision(StrEnum):
    """How much of a date the text stated; the stored date is the first day of that period."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


class DateIssue(StrEnum):
    """Why an entry's dates look wrong; the dates are kept as written, never fixed or dropped."""

    END_BEFORE_START = "end_before_start"
    FUTURE = "future"
    """Starts more than ``[extract.dates] future_horizon_months`` after the reference date."""
    INVALID_MONTH = "invalid_month"
    """A month part over 12 ("13/2025"): the year is kept, with precision year."""


class EmploymentType(StrEnum):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"
    INTERNSHIP = "internship"
    CONTRACT = "contract"
    FREELANCE = "freelance"
    SELF_EMPLOYED = "self_employed"
    TEMPORARY = "temporary"
    APPRENTICESHIP = "apprenticeship"
    VOLUNTEER = "volunteer"
    SEASONAL = "seasonal"


class DegreeLevel(StrEnum):
    SECONDARY = "secondary"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"
    CERTIFICATE = "certificate"
    OTHER = "other"


class ContactKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"


class LinkPlatform(StrEnum):
    LINKEDIN = "linkedin"
    GITHUB = "github"
    GITLAB = "gitlab"
    SCHOLAR = "scholar"
    ORCID = "orcid"
    TWITTER = "twitter"
    STACKOVERFLOW = "stackoverflow"
    WEBSITE = "website"


class MetricUnit(StrEnum):
    PERCENT = "percent"
    PERCENTAGE_POINTS = "pp"
    """A difference of percentages ("accuracy up 10 percentage points"), not a ratio."""
    CURRENCY = "currency"
    COUNT = "count"
    MULTIPLIER = "x"
    MILLISECONDS = "ms"
    SECONDS = "s"
    MINUTES = "min"
    HOURS = "hours"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"
    BYTES = "bytes"


class MetricQualifier(StrEnum):
    EXACT = "exact"
    APPROXIMATELY = "approximately"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    MORE_THAN = "more_than"


class MetricDirection(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"
    NONE = "none"


class SkillSource(StrEnum):
    """Where a skill was found: listed in a skills section, or mentioned in other text."""

    SKILLS_SECTION = "skills_section"
    MENTION = "mention"


class Stage(StrEnum):
    INGEST = "ingest"
    SEGMENT = "segment"
    EXTRACT = "extract"
    VALIDATE = "validate"
    LOAD = "load"


class QualityFlag(StrEnum):
    """Why a document's rows deserve a second look (``documents.quality_flags``): never silent."""

    COLLAPSED_LINE_BREAKS = "collapsed_line_breaks"
    """The text arrived with its line breaks collapsed into spaces; they were restored
    (repair ``line_breaks``), so its lines are a reconstruction."""
    NO_SECTIONS = "no_sections"
    """No section heading was found: the whole text was read as the header."""
    SECTION_WITHOUT_ENTRIES = "section_without_entries"
    """An experience, education, projects or publications section yielded no entry (an empty
    heading over sub-sections of its kind is their parent, not flagged: ``stages.quality``)."""
    ENCODING_DOUBTFUL = "encoding_doubtful"
    """The file was not Unicode and its legacy encoding is in doubt (``documents.encoding_doubt``
    says why): a wrong one garbles every non-ASCII letter."""
    METRICS_CAPPED = "metrics_capped"
    """The text held more metrics than a document's are read for (``nlp.metrics.MAX_METRICS``,
    five hundred for each 10,000 characters of its length, at most ``METRICS_CEILING`` in all) or
    more numbers than are read as candidates (``MAX_NUMBERS`` per 10,000 characters, at most
    ``NUMBERS_CEILING``, and ``MAX_NUMBERS_PER_LINE`` on a line): only the first were (a table
    or a data dump). Set only when a metric past the cap was found, or numbers were left
    unread; a document with exactly as many metrics as its cap is not flagged."""
