"""Records of what is found anywhere in the text: skills, metrics, links and contacts."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from resume_etl._records.base import CharSpan, Record, SpanOf
from resume_etl.vocab import (
    ContactKind,
    LinkPlatform,
    MetricDirection,
    MetricQualifier,
    MetricUnit,
    SkillSource,
)


class SkillRecord(Record):
    """One skill of one document, with every place it is mentioned."""

    skill_id: str = Field(description="Id of the skill row.")
    name: str = Field(min_length=1, description="Canonical name (lexicon) or the listed text.")
    category: str | None = Field(default=None, description="Lexicon category, e.g. database.")
    group: str | None = Field(
        default=None, description="Label the document listed it under, e.g. 'Languages'."
    )
    source: SkillSource = Field(description="Listed in a skills section, or only mentioned.")
    in_lexicon: bool = Field(description="False for items of a skills list the lexicon lacks.")
    mention_count: int = Field(ge=1, description="How many times it is mentioned.")
    spans: list[CharSpan] = Field(min_length=1, description="Every mention, in order.")


class MetricRecord(Record):
    """A number that shows impact, from a bullet or description."""

    metric_id: str = Field(description="Id of the metric.")
    entry_id: str | None = Field(
        default=None, description="Experience or project entry it belongs to."
    )
    value: float = Field(description="Normalized value ($1.5 million -> 1500000).")
    unit: MetricUnit = Field(description="percent, currency, count, x, ms, hours, …")
    currency: str | None = Field(default=None, description="ISO code when unit is currency.")
    qualifier: MetricQualifier = Field(description="exact, approximately, at_least, …")
    direction: MetricDirection = Field(description="increase, decrease or none.")
    subject: str | None = Field(default=None, description="What it measures, when stated.")
    range_to: float | None = Field(
        default=None, description="Y of a 'from X to Y' pair, in this row's unit."
    )
    text: str = Field(min_length=1, description="The metric expression as written.")
    span: Annotated[CharSpan, SpanOf("text")] = Field(description="Where text is.")
    sentence: str = Field(description="The sentence it is in.")
    sentence_span: CharSpan = Field(description="Where sentence is.")


class LinkRecord(Record):
    """A URL or social profile."""

    link_id: str = Field(description="Id of the link.")
    url: str = Field(min_length=1, description="URL with scheme.")
    platform: LinkPlatform = Field(description="linkedin, github, scholar, …, or website.")
    username: str | None = Field(default=None, description="Handle on the platform, if any.")
    text: str = Field(description="The link as written.")
    span: Annotated[CharSpan, SpanOf("text")] = Field(description="Where text is.")


class ContactRecord(Record):
    """An email address or phone number (personal data)."""

    contact_id: str = Field(description="Id of the contact.")
    kind: ContactKind = Field(description="email or phone.")
    value: str = Field(min_length=1, description="As written.")
    normalized: str = Field(
        description=(
            "Lower-cased email; a phone in E.164 (+442055550123) when it states its country or "
            "[extract.contacts] default_region gives it, else its digits (with its +)."
        )
    )
    span: Annotated[CharSpan, SpanOf("value")] = Field(description="Where value is.")
