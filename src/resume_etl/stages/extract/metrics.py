"""The metrics table: each metric the metrics component found, tied to its entry."""

from __future__ import annotations

from typing import Any

from resume_etl import ids
from resume_etl.nlp import labels
from resume_etl.nlp.metrics import MetricMatch
from resume_etl.stages.extract._draft import (
    Draft,
    ExperienceCandidate,
    Extracted,
    MetricCandidate,
    ProjectCandidate,
)
from resume_etl.stages.extract._spans import SpanIndex


def extract_metrics(
    spans: SpanIndex,
    doc_id: str,
    experiences: list[ExperienceCandidate],
    projects: list[ProjectCandidate],
) -> tuple[MetricCandidate, ...]:
    entries: list[Draft[Any]] = [*experiences, *projects]
    owners = [(*entry.extent(), entry.get("entry_id", str)) for entry in entries]
    text = spans.text
    metrics = []
    for index, span in enumerate(spans.groups[labels.METRICS]):
        match: MetricMatch = span._.get(labels.METRIC_ATTR)
        at = match.start_char
        owner = next((eid for s, e, eid in owners if s <= at < e), None) if owners else None
        metrics.append(_metric(ids.metric_id(doc_id, index), owner, match, text))
    return tuple(metrics)


def _metric(metric_id: str, entry_id: str | None, match: MetricMatch, text: str) -> MetricCandidate:
    start, end = match.sentence_start, match.sentence_end
    return MetricCandidate(
        metric_id=metric_id,
        entry_id=entry_id,
        value=match.value,
        unit=match.unit,
        currency=match.currency,
        qualifier=match.qualifier,
        direction=match.direction,
        subject=match.subject,
        range_to=match.range_to,
        text=Extracted(match.text, match.start_char, match.end_char),
        sentence=Extracted(text[start:end], start, end),
    )
