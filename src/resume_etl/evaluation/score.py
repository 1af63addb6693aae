"""Score the pipeline's tables against gold records: precision, recall and F1 per field.

Counting, per document and field (``FIELDS``):

- a predicted value that matches the gold value is a true positive;
- a predicted value with no gold value, or one that does not match it, is a false positive;
- a gold value with no matching prediction is a false negative (so a wrong value is both);
- list fields (emails, phones, links, skills, metrics) are matched item by item;
- entry fields (``work.*``, ``education.*``, ``project.*``, ``publication.*``) are scored on the
  pairs :func:`resume_etl.evaluation.match.align` makes; ``<kind>.entry`` counts the pairs.

Skills: a gold skill is one the person lists (a skills section, a "Skills:" line, a badge row);
the predictions scored are the skill rows whose source is a skills section, each matching by its
canonical name or by any text it was found as. Mentions elsewhere are not scored.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel
from spacy.language import Language

from resume_etl.config import PipelineConfig
from resume_etl.evaluation.counts import Counts, DocumentScore, EvalReport, FieldScore
from resume_etl.evaluation.gold import (
    GoldDocument,
    GoldEducation,
    GoldMetric,
    GoldProject,
    GoldPublication,
    GoldWork,
    load_gold,
    missing_documents_error,
)
from resume_etl.evaluation.match import (
    align,
    date_matches,
    match_sets,
    normalize,
    number_matches,
    text_agreement,
    text_matches,
)
from resume_etl.evaluation.predicted import Predicted, predictions_from_tables
from resume_etl.phones import phone_key
from resume_etl.runner import run_files
from resume_etl.tables import read_tables

FIELDS: tuple[str, ...] = (
    "profile.name",
    "profile.headline",
    "profile.location",
    "contact.email",
    "contact.phone",
    "contact.link",
    "work.entry",
    "work.organization",
    "work.role",
    "work.employment_type",
    "work.location",
    "work.start",
    "work.end",
    "work.current",
    "education.entry",
    "education.institution",
    "education.degree",
    "education.field",
    "education.start",
    "education.end",
    "education.gpa",
    "education.gpa_scale",
    "project.entry",
    "project.name",
    "project.start",
    "project.end",
    "publication.entry",
    "publication.title",
    "publication.venue",
    "publication.year",
    "skill",
    "metric",
)
"""Every scored field, in report order."""


# --------------------------------------------------------------------------- scoring


def _score_value(counts: Counts, predicted: object, gold: object, matched: bool) -> None:
    if matched:
        counts.true_positives += 1
        return
    if predicted is not None:
        counts.false_positives += 1
    if gold is not None:
        counts.false_negatives += 1


EntryT = TypeVar("EntryT", bound=BaseModel)

FieldRule = tuple[str, Callable[[Any], object], Callable[[object, object], bool]]
"""(field name, how to read the value from an entry, whether predicted matches gold)."""


def _text_rule(name: str, attribute: str, organization: bool = False) -> FieldRule:
    def matches(predicted: object, gold: object) -> bool:
        return text_matches(
            predicted if isinstance(predicted, str) else None,
            gold if isinstance(gold, str) else None,
            organization,
        )

    return name, lambda entry: getattr(entry, attribute), matches


def _date_rule(name: str, attribute: str) -> FieldRule:
    def matches(predicted: object, gold: object) -> bool:
        return date_matches(
            predicted if isinstance(predicted, str) else None,
            gold if isinstance(gold, str) else None,
        )

    return name, lambda entry: getattr(entry, attribute), matches


def _equal_rule(name: str, read: Callable[[Any], object]) -> FieldRule:
    return name, read, lambda predicted, gold: predicted is not None and predicted == gold


def _number_rule(name: str, attribute: str) -> FieldRule:
    def matches(predicted: object, gold: object) -> bool:
        return number_matches(
            float(predicted) if isinstance(predicted, int | float) else None,
            float(gold) if isinstance(gold, int | float) else None,
        )

    return name, lambda entry: getattr(entry, attribute), matches


WORK_RULES: tuple[FieldRule, ...] = (
    _text_rule("work.organization", "organization", organization=True),
    _text_rule("work.role", "role"),
    _equal_rule("work.employment_type", lambda entry: entry.employment_type),
    _text_rule("work.location", "location"),
    _date_rule("work.start", "start"),
    _date_rule("work.end", "end"),
    _equal_rule("work.current", lambda entry: True if entry.current else None),
)
EDUCATION_RULES: tuple[FieldRule, ...] = (
    _text_rule("education.institution", "institution", organization=True),
    _text_rule("education.degree", "degree"),
    _text_rule("education.field", "field"),
    _date_rule("education.start", "start"),
    _date_rule("education.end", "end"),
    _number_rule("education.gpa", "gpa"),
    _number_rule("education.gpa_scale", "gpa_scale"),
)
PROJECT_RULES: tuple[FieldRule, ...] = (
    _text_rule("project.name", "name"),
    _date_rule("project.start", "start"),
    _date_rule("project.end", "end"),
)
PUBLICATION_RULES: tuple[FieldRule, ...] = (
    _text_rule("publication.title", "title"),
    _text_rule("publication.venue", "venue"),
    _equal_rule("publication.year", lambda entry: entry.year),
)


def _score_entries(
    counts: dict[str, Counts],
    kind: str,
    gold: Sequence[EntryT],
    predicted: Sequence[EntryT],
    agreement: Callable[[EntryT, EntryT], float],
    rules: Sequence[FieldRule],
    min_score: float = 0.8,
) -> None:
    pairs = align(gold, predicted, agreement, min_score)
    paired_gold = {gold_index for gold_index, _ in pairs}
    paired_pred = {pred_index for _, pred_index in pairs}
    entry = counts[f"{kind}.entry"]
    entry.true_positives += len(pairs)
    entry.false_negatives += len(gold) - len(pairs)
    entry.false_positives += len(predicted) - len(pairs)
    for name, read, matches in rules:
        for gold_index, pred_index in pairs:
            gold_value, pred_value = read(gold[gold_index]), read(predicted[pred_index])
            if gold_value is None and pred_value is None:
                continue
            _score_value(counts[name], pred_value, gold_value, matches(pred_value, gold_value))
        counts[name].false_negatives += sum(
            1 for i, item in enumerate(gold) if i not in paired_gold and read(item) is not None
        )
        counts[name].false_positives += sum(
            1 for i, item in enumerate(predicted) if i not in paired_pred and read(item) is not None
        )


def work_agreement(pred: GoldWork, gold: GoldWork) -> float:
    """How well a predicted job agrees with a gold job, for pairing them (0..3)."""
    return (
        text_agreement(pred.organization, gold.organization, organization=True)
        + text_agreement(pred.role, gold.role)
        + 0.5 * date_matches(pred.start, gold.start)
        + 0.5 * date_matches(pred.end, gold.end)
    )


def _school_agreement(pred: GoldEducation, gold: GoldEducation) -> float:
    return (
        text_agreement(pred.institution, gold.institution, organization=True)
        + text_agreement(pred.degree, gold.degree)
        + 0.5 * date_matches(pred.start, gold.start)
        + 0.5 * date_matches(pred.end, gold.end)
    )


def _project_agreement(pred: GoldProject, gold: GoldProject) -> float:
    return text_agreement(pred.name, gold.name)


def _publication_agreement(pred: GoldPublication, gold: GoldPublication) -> float:
    return text_agreement(pred.title, gold.title)


def _metric_agreement(pred: GoldMetric, gold: GoldMetric) -> float:
    same = pred.unit == gold.unit and number_matches(pred.value, gold.value)
    return (1.0 + text_agreement(pred.text, gold.text)) if same else 0.0


def _phone_key(value: str) -> str:
    """The national number: gold written "+44 (0)20 …" or "020 …" meets the E.164 value."""
    return phone_key(value)


def _link_key(value: str) -> str:
    lowered = value.strip().lower().rstrip("/")
    for prefix in ("https://", "http://", "www."):
        lowered = lowered.removeprefix(prefix)
    return lowered


def _add_set(counts: Counts, found: tuple[int, int, int]) -> None:
    counts.true_positives += found[0]
    counts.false_positives += found[1]
    counts.false_negatives += found[2]


def score_document(gold: GoldDocument, predicted: Predicted | None) -> dict[str, Counts]:
    """Counts per field for one document; no prediction at all scores every gold value a miss."""
    counts = {name: Counts() for name in FIELDS}
    record = predicted.record if predicted else GoldDocument(document=gold.document)
    for name, pred_value, gold_value in (
        ("profile.name", record.name, gold.name),
        ("profile.headline", record.headline, gold.headline),
        ("profile.location", record.location, gold.location),
    ):
        _score_value(counts[name], pred_value, gold_value, text_matches(pred_value, gold_value))

    def singletons(values: Iterable[str]) -> list[frozenset[str]]:
        return [frozenset({value}) for value in values]

    _add_set(counts["contact.email"], match_sets(gold.emails, singletons(record.emails), str.lower))
    _add_set(
        counts["contact.phone"], match_sets(gold.phones, singletons(record.phones), _phone_key)
    )
    _add_set(counts["contact.link"], match_sets(gold.links, singletons(record.links), _link_key))
    spellings = predicted.skill_spellings if predicted else []
    _add_set(counts["skill"], match_sets(gold.skills, spellings, normalize, partial=True))
    _score_entries(counts, "work", gold.work, record.work, work_agreement, WORK_RULES)
    _score_entries(
        counts, "education", gold.education, record.education, _school_agreement, EDUCATION_RULES
    )
    _score_entries(
        counts, "project", gold.projects, record.projects, _project_agreement, PROJECT_RULES, 0.5
    )
    _score_entries(
        counts,
        "publication",
        gold.publications,
        record.publications,
        _publication_agreement,
        PUBLICATION_RULES,
        0.5,
    )
    metric_pairs = align(gold.metrics, record.metrics, _metric_agreement, 1.0)
    counts["metric"].true_positives += len(metric_pairs)
    counts["metric"].false_negatives += len(gold.metrics) - len(metric_pairs)
    counts["metric"].false_positives += len(record.metrics) - len(metric_pairs)
    return counts


def score_documents(
    gold: Mapping[Path, GoldDocument], predicted: Mapping[Path, Predicted]
) -> EvalReport:
    """The report over every gold document; predictions are looked up by path, then file name."""
    by_name = {path.name: item for path, item in predicted.items()}
    totals = {name: Counts() for name in FIELDS}
    documents: list[DocumentScore] = []
    for path, gold_record in gold.items():
        counts = score_document(gold_record, predicted.get(path) or by_name.get(path.name))
        overall = Counts()
        for name, field_counts in counts.items():
            totals[name].add(field_counts)
            overall.add(field_counts)
        weakest = sorted((c for c in counts.items() if c[1].errors), key=lambda c: -c[1].errors)
        documents.append(
            DocumentScore(
                document=path.name,
                true_positives=overall.true_positives,
                false_positives=overall.false_positives,
                false_negatives=overall.false_negatives,
                f1=overall.f1,
                weakest_fields=[name for name, _ in weakest[:3]],
            )
        )
    fields = [
        FieldScore(
            field=name,
            true_positives=c.true_positives,
            false_positives=c.false_positives,
            false_negatives=c.false_negatives,
        )
        for name, c in totals.items()
    ]
    return EvalReport(fields=fields, documents=documents)


def evaluate(
    gold_dir: Path,
    config: PipelineConfig,
    out: Path | None = None,
    tables_dir: Path | None = None,
    nlp: Language | None = None,
) -> EvalReport:
    """Score the documents ``gold_dir`` names: read ``tables_dir`` if given, else run the
    pipeline over them into ``out`` (a temporary folder when None)."""
    gold = load_gold(gold_dir)
    if tables_dir is not None:
        return score_documents(gold, predictions_from_tables(read_tables(tables_dir)))
    missing = missing_documents_error(gold)
    if missing is not None:
        raise missing
    with tempfile.TemporaryDirectory(prefix="resume-etl-eval-") as scratch:
        target = out if out is not None else Path(scratch)
        run_files(config, sorted(gold), target, nlp=nlp)
        return score_documents(gold, predictions_from_tables(read_tables(target)))
