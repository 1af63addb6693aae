"""The metrics table: each metric the metrics component found, tied to its entry."""

from __future__ import annotations

from resume_etl.nlp import labels
from resume_etl.nlp.metrics import MetricMatch
from resume_etl.stages.extract._draft import ExperienceCandidate, MetricCandidate, ProjectCandidate
from resume_etl.stages.extract._spans import SpanIndex


def _metrics(
    spans: SpanIndex,
    entry_ids: dict[tuple[int, int], str],
    doc_id: str,
    experiences: list[ExperienceCandidate],
    projects: list[ProjectCandidate],
) -> tuple[MetricCandidate, ...]:
    owners = [(c.start, c.end, c.entry_id) for c in (*experiences, *projects)]
    metrics = []
    for index, span in enumerate(spans.groups[labels.METRICS]):
        match: MetricMatch = span._.get(labels.METRIC_ATTR)
        owner = next((eid for s, e, eid in owners if s <= match.start_char < e), None)
        metrics.append(MetricCandidate(f"{doc_id}:m{index}", owner, match))
    return tuple(metrics)
