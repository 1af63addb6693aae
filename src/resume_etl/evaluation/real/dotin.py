"""The dotin set: real job-board résumés, one line each, with character-span annotations.

The text is run exactly as it is (line breaks collapsed into runs of spaces, a stray quote,
literal ``\\xe2\\x80\\xa2`` escapes): that is a real input shape. The annotations are spans,
not records, and are neither exhaustive nor one-per-value, so scoring is **document-level set
matching**: per document and field, the distinct gold span texts form one set and the distinct
values the pipeline wrote form another; a predicted value is a true positive when it matches a
gold value not yet matched (same text after ``match.normalize``, or the partial-match rule,
word overlap >= 0.8), else a false positive; a gold value left unmatched is a miss.

- ``profile.name``: Name spans (any of them) against profiles.name (one value);
- ``profile.location``: the header's Location spans (before the first company, college,
  degree or graduation-year span) against profiles.location (one value); the gold place may
  also be the predicted one's tail ("Sandton" of "Elm Manor, Sandton", ``place_matches``).
  ``profile.location (tagged headers)`` scores the same only on documents whose header has a
  Location span: most untagged headers state the person's town all the same;
- ``contact.email``: Email Address against contacts of kind email;
- ``work.organization`` / ``work.role``: Companies worked at / Designation against
  experiences.organization / role. A role may name several titles ("Test Analyst/Test
  Manager", "Executive Director and CEO", ``title_parts``), and the annotators tag such a line
  now as one span, now title by title. Gold and predicted roles are read alike: each is one
  value, matched whole, else by its parts (``match_sets`` with ``parts``): a gold list is
  found by the predictions that name its titles, a predicted list by the gold titles it names,
  and either way the list and the values naming its parts count one true positive (never two,
  never a false positive or a miss). A list whose titles are all tagged on their own as well
  restates them and is counted through them;
- ``education.institution``: College Name against education.institution;
- ``education.degree``: Degree against education.degree, alone or with its field
  ("Degree in Field");
- ``education.year``: Graduation Year (its last four-digit year) against the year of
  education.end_date;
- ``skill``: Tech Tools, Job Specific Skills and Soft Skills against the skills rows (any
  source), by name or by any text they were found as.

For the one-value fields a prediction is right when it matches any of the gold values. A gold
span is compared as ingest reads its words (``as_read``): the pipeline decodes the escapes to
the characters they stand for, so "Universit\\xc3\\xa0" in a span is "Università".
``Years of Experience`` (mostly date ranges) is not scored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from resume_etl.evaluation.counts import Counts
from resume_etl.evaluation.match import match_sets, normalize, text_matches
from resume_etl.evaluation.real.data import DotinDocument, read_dotin
from resume_etl.evaluation.real.report import Tally, document_result
from resume_etl.evaluation.real.runner import DocumentRows, InputText
from resume_etl.evaluation.real.split import Half, half_of, near_duplicate_groups
from resume_etl.stages.normalize import decode_byte_escapes

DATASET = "dotin"
HEADER_STOP_LABELS = frozenset({"Companies worked at", "College Name", "Degree", "Graduation Year"})
"""Labels that end a document's header: a Location before all of them is the person's own."""
SKILL_LABELS = frozenset({"Tech Tools", "Job Specific Skills", "Soft Skills"})
SET_FIELDS: dict[str, frozenset[str]] = {
    "contact.email": frozenset({"Email Address"}),
    "work.organization": frozenset({"Companies worked at"}),
    "work.role": frozenset({"Designation"}),
    "education.institution": frozenset({"College Name"}),
    "education.degree": frozenset({"Degree"}),
    "education.year": frozenset({"Graduation Year"}),
    "skill": SKILL_LABELS,
}
PARTIAL_FIELDS = frozenset(
    {"work.organization", "work.role", "education.institution", "education.degree", "skill"}
)
"""Fields matched by the partial-match rule too; e-mails and years must be equal."""
TAGGED_LOCATION = "profile.location (tagged headers)"
"""The person's location scored only on documents whose header has a Location span."""
FIELDS = ("profile.name", "profile.location", TAGGED_LOCATION, *SET_FIELDS)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def input_name(document: DotinDocument) -> str:
    """The file name a document is run under: its number in the source zip."""
    return f"dotin-{document.number}.txt"


def document_halves(documents: Sequence[DotinDocument], seed: int) -> dict[str, Half]:
    """Each document's half; near-duplicate CVs share their group's half."""
    groups = near_duplicate_groups({document.id: document.text for document in documents})
    return {doc_id: half_of(group, seed) for doc_id, group in groups.items()}


def selected(
    data_dir: Path, seed: int, halves: Sequence[Half], limit: int | None = None
) -> list[tuple[DotinDocument, Half]]:
    """The documents of the chosen halves, in file order, ``limit`` per half at most."""
    documents = read_dotin(data_dir)
    half_by_id = document_halves(documents, seed)
    chosen: list[tuple[DotinDocument, Half]] = []
    for half in halves:
        members = [document for document in documents if half_by_id[document.id] == half]
        chosen += [(document, half) for document in members[:limit]]
    return chosen


def inputs(chosen: Iterable[tuple[DotinDocument, Half]]) -> list[InputText]:
    return [InputText(input_name(document), document.text) for document, _ in chosen]


def header_locations(document: DotinDocument) -> list[str]:
    """Location spans of the header: before the first company, college, degree or year span."""
    stop = min(
        (span.start for span in document.spans if span.label in HEADER_STOP_LABELS),
        default=len(document.text),
    )
    return [
        as_read(span.text)
        for span in document.spans
        if span.label == "Location" and span.start < stop
    ]


def as_read(value: str) -> str:
    """A gold span's text with its escaped bytes decoded, as ingest reads the document."""
    return decode_byte_escapes(value)


def gold_values(document: DotinDocument, labels: frozenset[str]) -> list[str]:
    values = [as_read(span.text).strip() for span in document.spans if span.label in labels]
    if labels == SET_FIELDS["education.year"]:
        values = [years[-1] for years in (_YEAR.findall(value) for value in values) if years]
    return list(dict.fromkeys(value for value in values if value))


_TITLE_JOINT = re.compile(r"(?<=\w\w)\s*/\s*(?=\w\w)|\s+(?:&|and)\s+", re.IGNORECASE)
"""Where a role may join two titles: a slash between words, not inside an abbreviation ("A/P",
"I/O"); "&" or "and"."""
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_MIN_TITLE_WORDS = 2


def title_parts(value: str) -> list[str]:
    """The titles a role may name together: "Test Analyst/Test Manager" and "Executive
    Director and CEO" name two. Only a way a role may also be matched (``match_sets``
    ``parts``), never a split of it. Each part must be title-shaped on its own (two words or
    more, or an acronym such as "CEO"), else the value stays whole: "Research and Development
    Engineer", "Director of Finance and Administration" and "Sales/Marketing Manager" are one
    title each, and a prediction cut at their joint earns nothing for its fragments."""
    parts = [part.strip() for part in _TITLE_JOINT.split(value)]
    if len(parts) > 1 and all(_title_shaped(part) for part in parts):
        return parts
    return [value]


def _title_shaped(part: str) -> bool:
    return len(part.split()) >= _MIN_TITLE_WORDS or bool(_ACRONYM.fullmatch(part))


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _year(value: Any) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year:04d}"
    return None


def _degree_spellings(row: Mapping[str, Any]) -> frozenset[str]:
    degree, field = _text(row.get("degree")), _text(row.get("field_of_study"))
    if degree is None:
        return frozenset()
    if field is None:
        return frozenset({degree})
    return frozenset({degree, f"{degree} {field}", f"{degree} in {field}"})


def _skill_spellings(row: Mapping[str, Any], text: str) -> frozenset[str]:
    spans = row.get("spans")
    surfaces = {text[int(span["start"]) : int(span["end"])] for span in list(spans or [])}
    return frozenset({str(row["name"]), *surfaces})


def predicted_values(rows: DocumentRows) -> dict[str, list[frozenset[str]]]:
    """The pipeline's values per set field, each with the spellings that may match."""

    def single(table: str, read: Callable[[Mapping[str, Any]], str | None]) -> list[frozenset[str]]:
        values = (read(row) for row in rows.table(table))
        return [frozenset({value}) for value in values if value]

    return {
        "contact.email": single(
            "contacts", lambda row: str(row["normalized"]) if row["kind"] == "email" else None
        ),
        "work.organization": single("experiences", lambda row: _text(row.get("organization"))),
        "work.role": single("experiences", lambda row: _text(row.get("role"))),
        "education.institution": single("education", lambda row: _text(row.get("institution"))),
        "education.degree": [
            spellings
            for spellings in (_degree_spellings(row) for row in rows.table("education"))
            if spellings
        ],
        "education.year": single("education", lambda row: _year(row.get("end_date"))),
        "skill": [_skill_spellings(row, rows.text) for row in rows.table("skills")],
    }


def _organization_key(value: str) -> str:
    return normalize(value, organization=True)


KEYS: dict[str, Callable[[str], str]] = {
    "contact.email": str.lower,
    "work.organization": _organization_key,
    "education.institution": _organization_key,
    "education.year": str.strip,
}


_MAX_PLACE_PREFIX_WORDS = 3
_POSTAL_WORD = re.compile(r"\w*\d\w*")


def place_matches(predicted: str, gold: str) -> bool:
    """The partial-match rule, or the gold place is the tail of the predicted one: the
    annotators tagged a town at their own grain ("Sandton", "New York City"), the page (and the
    prediction) names it with its district before it ("Elm Manor, Sandton", "Upper Vill.,
    New York City"); a postal code after it does not count, at most three words before it do."""
    if text_matches(predicted, gold):
        return True
    said = [w for w in normalize(predicted).split() if not _POSTAL_WORD.fullmatch(w)]
    tagged = normalize(gold).split()
    extra = len(said) - len(tagged)
    return bool(tagged) and 0 <= extra <= _MAX_PLACE_PREFIX_WORDS and said[extra:] == tagged


def _one_value(
    counts: Counts,
    predicted: str | None,
    gold: Sequence[str],
    matches: Callable[[str, str], bool] = text_matches,
) -> None:
    if predicted is not None and any(matches(predicted, value) for value in gold):
        counts.true_positives += 1
        return
    counts.false_positives += predicted is not None
    counts.false_negatives += bool(gold)


def score_document(document: DotinDocument, rows: DocumentRows | None, tally: Tally) -> None:
    """Add one document's counts (and whether any job or school was read) to ``tally``."""
    counts = {name: Counts() for name in FIELDS}
    profile = next(iter(rows.table("profiles")), {}) if rows else {}
    names = gold_values(document, frozenset({"Name"}))
    _one_value(counts["profile.name"], _text(profile.get("name")), names)
    places, place = header_locations(document), _text(profile.get("location"))
    _one_value(counts["profile.location"], place, places, place_matches)
    if places:  # an untagged header says nothing either way: most name the person's town
        _one_value(counts[TAGGED_LOCATION], place, places, place_matches)
    predicted = predicted_values(rows) if rows else {}
    for name, labels in SET_FIELDS.items():
        found = match_sets(
            gold_values(document, labels),
            predicted.get(name, []),
            KEYS.get(name, normalize),
            partial=name in PARTIAL_FIELDS,
            parts=title_parts if name == "work.role" else None,
        )
        counts[name] = Counts(*found)
    tally.add_document(document_result(input_name(document), counts), counts)
    tally.count("documents with a job", bool(rows and rows.table("experiences")))
    tally.count("documents with a school", bool(rows and rows.table("education")))
