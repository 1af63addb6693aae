"""The JSON Resume round trip: render each real file in every layout, run the pipeline on the
text, and score what it read against what the rendering states.

Per rendering: every field of the regular eval (``score.score_document``: name, contacts,
jobs, schools, projects, publications, skills, with its matching and pairing rules), and:

- ``profile.summary``: the profile's summary against ``basics.summary``, right when the text
  similarity (``similarity.py``) reaches the threshold;
- ``work.text``: for each gold job with prose, the paired predicted job's description and
  bullets joined, against the job's summary and highlights joined, by the same rule;
- an organization the file writes with its place ("Lab, University, Country") is matched by
  the predicted organization and location joined (``with_place_in_name``), and a school the
  same way by its institution and location (``school_with_place``), and a degree written
  with its field ("MSc in Physics") by the predicted degree and field joined
  (``degree_with_field``);
- a position written with its team or department after a comma or dash ("Tech Lead, SDKs",
  "Engineer - Release Tooling") is also right as the title alone ("Tech Lead"), which is how
  ``tests/gold/README.md`` defines a role (``with_title_head``);
- entry accuracy: a gold job is right when a predicted job is paired with it and its
  organization, role, start and end all match (a field empty in both counts as matching).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resume_etl.evaluation.counts import Counts
from resume_etl.evaluation.gold import GoldDocument, GoldEducation, GoldWork
from resume_etl.evaluation.match import align, date_matches, normalize, text_matches
from resume_etl.evaluation.predicted import Predicted
from resume_etl.evaluation.real.data import jsonresume_files
from resume_etl.evaluation.real.expected import ExpectedRendering, expected
from resume_etl.evaluation.real.facts import read_facts
from resume_etl.evaluation.real.render import Layout
from resume_etl.evaluation.real.report import Tally, document_result
from resume_etl.evaluation.real.runner import DocumentRows, InputText
from resume_etl.evaluation.real.similarity import TEXT_MATCH_THRESHOLD, text_similarity
from resume_etl.evaluation.real.split import Half, half_of
from resume_etl.evaluation.score import score_document, work_agreement

DATASET = "jsonresume"
_ROLE_QUALIFIER = re.compile(r"\s*,\s*|\s+[-–—|]\s+")
"""What separates a title from its team or department: a comma, or a spaced dash or bar."""
UNSCORED_FIELDS = frozenset({"metric", "work.employment_type"})
"""Regular eval fields a JSON Resume file has no gold for (it states no metrics or
employment types), so a prediction there could only ever count against the pipeline."""


@dataclass(frozen=True, slots=True)
class Rendering:
    """One real file written in one layout: the text to run and the gold it states."""

    resume_id: str
    half: Half
    layout: str
    input: InputText
    expected: ExpectedRendering


def resume_halves(data_dir: Path, seed: int) -> dict[Path, Half]:
    """Each JSON Resume file's half: one file is one person, so the unit key is its name."""
    return {path: half_of(path.stem, seed) for path in jsonresume_files(data_dir)}


def renderings(
    data_dir: Path,
    layouts: Sequence[Layout],
    seed: int,
    halves: Sequence[Half],
    limit: int | None = None,
) -> list[Rendering]:
    """Every selected file rendered in every layout (``limit`` files per half at most)."""
    chosen: list[tuple[Path, Half]] = []
    for half in halves:
        paths = [path for path, got in resume_halves(data_dir, seed).items() if got == half]
        chosen += [(path, half) for path in paths[:limit]]
    found = []
    for path, half in chosen:
        facts = read_facts(path.stem, json.loads(path.read_text(encoding="utf-8")))
        for layout in layouts:
            name = f"{path.stem}.{layout.name}{layout.suffix}"
            found.append(
                Rendering(
                    facts.id,
                    half,
                    layout.name,
                    InputText(name, layout.render(facts)),
                    expected(facts, layout, name),
                )
            )
    return found


def write_gold(rendered: Sequence[Rendering], folder: Path) -> None:
    """Each rendering's gold as ``<rendering name>.json``, beside the kept texts."""
    folder.mkdir(parents=True, exist_ok=True)
    for item in rendered:
        path = folder / f"{item.input.name}.json"
        path.write_text(item.expected.gold.model_dump_json(indent=2) + "\n", encoding="utf-8")


def _same_text(predicted: str | None, gold: str | None, organization: bool = False) -> bool:
    if predicted is None and gold is None:
        return True
    return text_matches(predicted, gold, organization)


def _same_date(predicted: str | None, gold: str | None) -> bool:
    return (predicted is None and gold is None) or date_matches(predicted, gold)


def job_is_right(predicted: GoldWork, gold: GoldWork) -> bool:
    """Organization, role, start and end all right (empty in both counts as right)."""
    return (
        _same_text(predicted.organization, gold.organization, organization=True)
        and _same_text(predicted.role, gold.role)
        and _same_date(predicted.start, gold.start)
        and _same_date(predicted.end, gold.end)
    )


def job_text(row: Mapping[str, Any]) -> str:
    """A predicted job's prose as a profile page shows it: description, then bullets."""
    bullets = row.get("bullets")
    listed = list(bullets) if isinstance(bullets, Iterable) and not isinstance(bullets, str) else []
    parts = [row.get("description"), *listed]
    return " ".join(part for part in parts if isinstance(part, str) and part)


def _text_counts(counts: Counts, similarity: float, predicted: str, gold: str) -> None:
    if gold and similarity >= TEXT_MATCH_THRESHOLD:
        counts.true_positives += 1
        return
    if predicted:
        counts.false_positives += 1
    if gold:
        counts.false_negatives += 1


def with_place_in_name(predicted: GoldWork, gold_jobs: Sequence[GoldWork]) -> GoldWork:
    """``predicted`` with its location joined to its organization when the same gold job (same
    role or same start) writes its organization that way ("Lab, University, Country" in one
    field) and only the joined form matches it: the page shows the same words, split over two
    fields. Never when the predicted organization already is some gold job's organization."""
    organization, location = predicted.organization, predicted.location
    if not (organization and location) or any(
        text_matches(organization, gold.organization, organization=True) for gold in gold_jobs
    ):
        return predicted
    joined = f"{organization}, {location}"
    for gold in gold_jobs:
        same_job = text_matches(predicted.role, gold.role) or date_matches(
            predicted.start, gold.start
        )
        if same_job and text_matches(joined, gold.organization, organization=True):
            return predicted.model_copy(update={"organization": joined, "location": None})
    return predicted


def school_with_place(
    predicted: GoldEducation, gold_schools: Sequence[GoldEducation]
) -> GoldEducation:
    """``predicted`` with its location joined to its institution when the same gold school
    (same degree, start or end) writes its institution that way ("University, City, Country"
    in one field) and only the joined form matches it; never when the institution alone
    already is some gold school's."""
    institution, location = predicted.institution, predicted.location
    if not (institution and location) or any(
        text_matches(institution, gold.institution, organization=True) for gold in gold_schools
    ):
        return predicted
    joined = f"{institution}, {location}"
    for gold in gold_schools:
        same_school = (
            text_matches(predicted.degree, gold.degree)
            or date_matches(predicted.start, gold.start)
            or date_matches(predicted.end, gold.end)
        )
        if same_school and text_matches(joined, gold.institution, organization=True):
            return predicted.model_copy(update={"institution": joined, "location": None})
    return predicted


def degree_with_field(
    predicted: GoldEducation, gold_schools: Sequence[GoldEducation]
) -> GoldEducation:
    """``predicted`` with its field joined to its degree when the same gold school (same
    institution, start or end) writes its degree that way ("MSc in Applied Mathematics" as the
    degree) and only the joined form matches it: the page shows the same words, split over two
    fields. The field goes into the degree only when that school gives no field of its own;
    never when the predicted degree alone already is some gold school's."""
    degree, field = predicted.degree, predicted.field
    if not (degree and field) or any(text_matches(degree, gold.degree) for gold in gold_schools):
        return predicted
    for gold in gold_schools:
        same_school = (
            text_matches(predicted.institution, gold.institution, organization=True)
            or date_matches(predicted.start, gold.start)
            or date_matches(predicted.end, gold.end)
        )
        joined = next(
            (
                form
                for form in (f"{degree} in {field}", f"{degree} {field}", f"{degree}, {field}")
                if normalize(form) == normalize(gold.degree or "")
            ),
            None,
        )
        if same_school and joined is not None:
            kept_field = field if gold.field else None
            return predicted.model_copy(update={"degree": joined, "field": kept_field})
    return predicted


def title_head(role: str) -> str:
    """The title before a team or department: "Tech Lead" of "Tech Lead, SDKs"."""
    return _ROLE_QUALIFIER.split(role, maxsplit=1)[0].strip()


def with_title_head(predicted: GoldWork, gold_jobs: Sequence[GoldWork]) -> GoldWork:
    """``predicted`` with a gold job's full position as its role when the predicted role is
    that position's title alone (the gold convention of ``resume-etl eval``). Only a gold job
    that is the same job (same organization or same start) lends its position, and never when
    the predicted role already is some gold job's full position."""
    role = predicted.role
    # Only a position the prediction *is* keeps it: one it merely shares most words with
    # ("Software Engineer" of another job's "Software Engineer Intern") does not.
    if not role or any(normalize(role) == normalize(gold.role or "") for gold in gold_jobs):
        return predicted
    positions: list[str] = []
    for gold in gold_jobs:
        same_job = text_matches(
            predicted.organization, gold.organization, organization=True
        ) or date_matches(predicted.start, gold.start)
        if not (same_job and gold.role):
            continue
        head = title_head(gold.role)
        if head != gold.role and text_matches(role, head):
            positions.append(gold.role)
    # A position whose title equals the prediction first: "Software Engineer" is the title of
    # "Software Engineer - Release Tooling", not of "Senior Software Engineer, Platform".
    positions.sort(key=lambda position: title_head(position).casefold() != role.casefold())
    if positions:
        return predicted.model_copy(update={"role": positions[0]})
    return predicted


def _adjusted(rows: DocumentRows | None, gold: GoldDocument) -> Predicted | None:
    if rows is None:
        return None
    work = [
        with_title_head(with_place_in_name(job, gold.work), gold.work)
        for job in rows.predicted.record.work
    ]
    education = [
        degree_with_field(school_with_place(school, gold.education), gold.education)
        for school in rows.predicted.record.education
    ]
    record = rows.predicted.record.model_copy(update={"work": work, "education": education})
    return Predicted(record, rows.predicted.skill_spellings)


def _score_work_text(
    counts: Counts,
    tally: Tally,
    gold_texts: Sequence[str],
    experience_rows: Sequence[Mapping[str, Any]],
    pairs: Sequence[tuple[int, int]],
) -> None:
    """Each gold job's prose against its paired prediction's (no pair: nothing shown)."""
    paired = dict(pairs)
    for index, gold_text in enumerate(gold_texts):
        predicted_index = paired.get(index)
        predicted_text = (
            "" if predicted_index is None else job_text(experience_rows[predicted_index])
        )
        if gold_text:
            similarity = text_similarity(predicted_text, gold_text)
            tally.add_similarity("work.text", similarity)
            _text_counts(counts, similarity, predicted_text, gold_text)
        elif predicted_text:
            counts.false_positives += 1


def _score_summary(counts: Counts, tally: Tally, rows: DocumentRows | None, gold: str) -> None:
    profile = next(iter(rows.table("profiles")), {}) if rows else {}
    summary = profile.get("summary")
    predicted = summary if isinstance(summary, str) else ""
    similarity = text_similarity(predicted, gold)
    if gold:
        tally.add_similarity("profile.summary", similarity)
    _text_counts(counts, similarity, predicted, gold)


@dataclass(frozen=True, slots=True)
class GoldScores:
    """One document scored against its gold: the counts per field, the (gold, predicted) job
    pairs, and how many gold jobs are right (:func:`job_is_right`)."""

    counts: dict[str, Counts]
    pairs: list[tuple[int, int]]
    jobs_right: int


def score_against(
    gold: GoldDocument, rows: DocumentRows | None, unscored: frozenset[str] = UNSCORED_FIELDS
) -> GoldScores:
    """The regular eval's counts for ``gold`` after this module's adjustments (a place in a
    name, a title's head, a degree with its field), less the ``unscored`` fields, and the jobs
    fully right. The markdown set's gold is scored by this too, so both sets pair and judge
    jobs by the same rules."""
    predicted = _adjusted(rows, gold)
    counts = {
        name: found
        for name, found in score_document(gold, predicted).items()
        if name not in unscored
    }
    predicted_work = predicted.record.work if predicted else []
    pairs = align(gold.work, predicted_work, work_agreement)
    jobs_right = sum(job_is_right(predicted_work[p], gold.work[g]) for g, p in pairs)
    return GoldScores(counts, pairs, jobs_right)


def score_rendering(rendering: Rendering, rows: DocumentRows | None, tally: Tally) -> None:
    """Add one rendering's scores to ``tally``; no rows at all means nothing was read."""
    gold = rendering.expected.gold
    scores = score_against(gold, rows)
    counts = scores.counts
    experience_rows = list(rows.table("experiences")) if rows else []
    work_text = counts.setdefault("work.text", Counts())
    _score_work_text(work_text, tally, rendering.expected.job_texts, experience_rows, scores.pairs)
    summary = counts.setdefault("profile.summary", Counts())
    _score_summary(summary, tally, rows, rendering.expected.summary or "")
    result = document_result(rendering.input.name, counts, len(gold.work), scores.jobs_right)
    tally.add_document(result, counts)
