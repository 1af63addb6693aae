"""Person-level fields on real résumés: name, e-mail, phone and the person's own location.

    python -m benchmarks.people_fields                 # the dev halves only
    python -m benchmarks.people_fields --untouched     # dev and untouched (now and then only)
    python -m benchmarks.people_fields --misses 20     # print dev misses to read

Reads the real data in place (``--data``, default ``../shared/data``; nothing is copied):

- ``dotin/train.jsonl``, one-line job-board/CV texts with span gold. Name and e-mail are the
  ``Name`` / ``Email Address`` spans; the person's own location is the first ``Location`` span
  in the header (before any job, school or date span, within the first 600 characters). Phones
  carry no gold there, so a weak gold is used: the number written after a phone label
  ("Phone:", "Mobile", "Cell", "Tel", "Contact No") — it measures recall of labelled numbers.
- ``jsonresume/*.json``, each person's ``basics`` rendered in the six layouts of
  ``resume_etl.evaluation.real.render`` plus three header layouts written here (a job-board
  export, the same with the place on a line of its own, and a labelled header in capitals).

Items are split as the lead decided: dev iff ``sha1(group_id)[0]`` is in ``"01234567"``
(dotin near-duplicate groups use their smallest id, read from ``dotin/README.md``). Tune only
on dev. Each field prints precision, recall and F1 (tp, fp, fn) per set and layout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from resume_etl.config import default_pipeline_path, load_config
from resume_etl.engines.local import lexicon_categories
from resume_etl.evaluation.match import text_matches
from resume_etl.evaluation.real.facts import ResumeFacts, read_facts
from resume_etl.evaluation.real.render import POOLED_LAYOUTS
from resume_etl.ids import doc_id_for
from resume_etl.nlp.build import build_nlp
from resume_etl.phones import phone_key
from resume_etl.records import DocumentRecord
from resume_etl.stages.extract import Extracted, ExtractedDocument, analyse, extract
from resume_etl.stages.normalize import normalize
from resume_etl.stages.segment import SectionClassifier, segment

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent.parent / "shared" / "data"
FIELDS = ("name", "email", "phone", "location")
HEADER_CHARS = 600
"""A dotin Location span further in than this is not the header's place."""
_ENTRY_LABELS = frozenset(
    {
        "Companies worked at",
        "Designation",
        "College Name",
        "Degree",
        "Graduation Year",
        "Years of Experience",
    }
)
_PHONE_LABEL = re.compile(
    r"(?i)\b(?:phone|mobile|mob|cell(?:ular)?|tel(?:ephone)?|contact(?: no\.?| number)?|ph)"
    r"\s*(?:#|no\.?)?\s*[:.,)]?\s*"
    r"(\(?\+?\d[\d ().-]{5,22}\d)"
)
_DUPLICATE_GROUPS = re.compile(r"`((?:\d+/)+\d+(?:, (?:\d+/)+\d+)*)`")


@dataclass(frozen=True, slots=True)
class Gold:
    names: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()
    location: str | None = None


@dataclass(frozen=True, slots=True)
class Item:
    set_name: str
    layout: str
    group_id: str
    text: str
    gold: Gold
    suffix: str = ".txt"

    @property
    def dev(self) -> bool:
        return hashlib.sha1(self.group_id.encode()).hexdigest()[0] in "01234567"


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def row(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{p:5.2f} {r:5.2f} {f:5.2f} ({self.tp:3d} {self.fp:3d} {self.fn:3d})"


@dataclass(slots=True)
class Report:
    counts: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    misses: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- dotin


def _dotin_groups(folder: Path) -> dict[str, str]:
    """File number -> the smallest number of its near-duplicate group (from the README)."""
    readme = (folder / "dotin" / "README.md").read_text(encoding="utf-8")
    groups: dict[str, str] = {}
    section = readme[readme.find("Near-duplicate") :]
    found = _DUPLICATE_GROUPS.search(section)
    for group in found.group(1).split(", ") if found else []:
        numbers = group.split("/")
        smallest = min(numbers, key=int)
        groups.update(dict.fromkeys(numbers, smallest))
    return groups


def _labelled_phones(text: str) -> frozenset[str]:
    found = set()
    for match in _PHONE_LABEL.finditer(text):
        number = match.group(1).strip()
        if sum(char.isdigit() for char in number) >= 7:
            found.add(number)
    return frozenset(found)


def _own_location(spans: list[dict[str, object]]) -> str | None:
    for span in spans:
        if span["label"] in _ENTRY_LABELS or int(str(span["start"])) > HEADER_CHARS:
            return None
        if span["label"] == "Location":
            return str(span["text"]).strip()
    return None


def dotin_items(folder: Path) -> Iterator[Item]:
    path = folder / "dotin" / "train.jsonl"
    if not path.is_file():
        return
    groups = _dotin_groups(folder)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        prefix, _, file_name = str(row["id"]).rpartition("/")
        number = file_name.removesuffix(".xml")
        group_id = f"{prefix}/{groups.get(number, number)}.xml"
        spans = row["spans"]
        gold = Gold(
            names=frozenset(s["text"].strip() for s in spans if s["label"] == "Name"),
            emails=frozenset(
                s["text"].strip().lower() for s in spans if s["label"] == "Email Address"
            ),
            phones=_labelled_phones(row["text"]),
            location=_own_location(spans),
        )
        yield Item("dotin", "one-line", group_id, row["text"], gold)


# --------------------------------------------------------------------------- jsonresume


def _jobboard_url(name: str) -> str:
    slug = "-".join(name.split())
    return f"indeed.com/r/{slug}/{hashlib.sha1(name.encode()).hexdigest()[:16]}"


def _current_line(facts: ResumeFacts) -> str | None:
    """ "Title - Company" of the latest job, as job boards print under the name."""
    job = facts.jobs[0] if facts.jobs else None
    if job is None or not (job.role and job.organization):
        return facts.person.label
    return f"{job.role} - {job.organization}"


def _job_lines(facts: ResumeFacts) -> list[str]:
    lines = ["WORK EXPERIENCE", ""]
    for job in facts.jobs:
        place = f" - {job.location}" if job.location else ""
        lines += [job.role or "", "", f"{job.organization or ''}{place}", ""]
        lines += [*(job.highlights or ([job.summary] if job.summary else [])), ""]
    return lines


def render_jobboard(facts: ResumeFacts, own_line: bool) -> str:
    """A job-board export: name, "Title - Company", "City, State - Email me on …"."""
    person = facts.person
    lines = [person.name or "", *[line for line in [_current_line(facts)] if line]]
    contact = f"Email me on Indeed: {_jobboard_url(person.name or 'x')}"
    if own_line:
        lines += [person.location or "", contact]
    else:
        lines.append(f"{person.location} - {contact}" if person.location else contact)
    lines += ["", person.summary or "", "", "Willing to relocate: Anywhere", ""]
    lines += _job_lines(facts)
    lines += ["ADDITIONAL INFORMATION", "", ", ".join(facts.all_skills()[:12])]
    return "\n".join(lines) + "\n"


def render_labelled_caps(facts: ResumeFacts) -> str:
    """A header in capitals with labelled fields: "Address:", "Phone:", "E-mail:"."""
    person = facts.person
    lines = [(person.name or "").upper(), person.label or ""]
    if person.location:
        lines.append(f"Address: {person.location}")
    if person.phone:
        lines.append(f"Phone: {person.phone}")
    if person.email:
        lines.append(f"E-mail: {person.email}")
    lines += ["", "PROFILE", person.summary or "", ""]
    return "\n".join(lines + _job_lines(facts)) + "\n"


EXTRA_LAYOUTS: tuple[tuple[str, Callable[[ResumeFacts], str], bool], ...] = (
    ("jobboard", lambda facts: render_jobboard(facts, own_line=False), False),
    ("jobboard-lines", lambda facts: render_jobboard(facts, own_line=True), False),
    ("labelled-caps", render_labelled_caps, True),
)
"""Name, writer, and whether the layout prints the e-mail and phone (job boards hide them)."""


def jsonresume_items(folder: Path) -> Iterator[Item]:
    for path in sorted((folder / "jsonresume").glob("*.json")):
        if path.name == "manifest.json":
            continue
        facts = read_facts(path.stem, json.loads(path.read_text(encoding="utf-8")))
        person = facts.person
        gold = Gold(
            names=frozenset([person.name] if person.name else []),
            emails=frozenset([person.email.lower()] if person.email else []),
            phones=frozenset([person.phone] if person.phone else []),
            location=person.location,
        )
        for layout in POOLED_LAYOUTS:  # oneline is the pdf text again
            yield Item(
                "jsonresume", layout.name, path.stem, layout.render(facts), gold, layout.suffix
            )
        hidden = Gold(names=gold.names, location=gold.location)
        for name, write, shows_contacts in EXTRA_LAYOUTS:
            yield Item(
                "jsonresume", name, path.stem, write(facts), gold if shows_contacts else hidden
            )


# --------------------------------------------------------------------------- scoring


class Extractor:
    """The pipeline's extract stage over texts, built once from the default pipeline file."""

    def __init__(self, pipeline: Path) -> None:
        config = load_config(pipeline)
        self.nlp = build_nlp(config.extract)
        self.classifier = SectionClassifier(config.segment)
        self.categories = lexicon_categories(self.nlp)

    def __call__(self, text: str, suffix: str) -> ExtractedDocument:
        normalized, repairs = normalize(text)
        document = DocumentRecord(
            doc_id=doc_id_for(normalized),
            source_path=f"item{suffix}",
            person_key=doc_id_for(f"item{suffix}"),
            content_sha256="0" * 64,
            size_bytes=len(text.encode()),
            encoding="utf-8",
            repairs=repairs,
            text=normalized,
            char_count=len(normalized),
            line_count=normalized.count("\n") + 1,
        )
        segmented = segment(document, self.classifier)
        return extract(segmented, analyse(self.nlp, [segmented])[0], self.categories)


def _set_counts(gold: frozenset[str], found: list[str]) -> tuple[int, int, int]:
    wanted, got = set(gold), set(found)
    tp = len(wanted & got)
    return tp, len(got) - tp, len(wanted) - tp


def score_item(item: Item, extracted: ExtractedDocument) -> dict[str, tuple[int, int, int]]:
    profile = extracted.profile
    name = _written(profile.found("name"))
    place = _written(profile.found("location"))
    emails = [c.get("normalized", str) or "" for c in extracted.contacts if c.kind == "email"]
    phones = [
        phone_key(_written(c.found("value")) or "") for c in extracted.contacts if c.kind == "phone"
    ]
    phone_counts = _set_counts(frozenset(phone_key(p) for p in item.gold.phones), phones)
    if item.set_name == "dotin":  # the weak gold lists labelled numbers only: recall, no fp
        phone_counts = (phone_counts[0], 0, phone_counts[2])
    name_hit = any(text_matches(name, gold) for gold in item.gold.names)
    place_hit = text_matches(place, item.gold.location)
    return {
        "name": (
            int(name_hit),
            int(name is not None and not name_hit),
            int(bool(item.gold.names) and not name_hit),
        ),
        "location": (
            int(place_hit),
            int(place is not None and not place_hit and item.gold.location is not None),
            int(item.gold.location is not None and not place_hit),
        ),
        "email": _set_counts(item.gold.emails, emails),
        "phone": phone_counts,
    }


def _written(found: Extracted | None) -> str | None:
    return found.value if found is not None else None


def _miss_line(item: Item, extracted: ExtractedDocument, field_name: str) -> str:
    profile = extracted.profile
    found: object = {
        "name": _written(profile.found("name")),
        "location": _written(profile.found("location")),
        "email": [_written(c.found("value")) for c in extracted.contacts if c.kind == "email"],
        "phone": [_written(c.found("value")) for c in extracted.contacts if c.kind == "phone"],
    }[field_name]
    gold: object = {
        "name": sorted(item.gold.names),
        "location": item.gold.location,
        "email": sorted(item.gold.emails),
        "phone": sorted(item.gold.phones),
    }[field_name]
    return f"[{item.layout} {item.group_id}] {field_name}: got {found!r} want {gold!r}"


def run(items: list[Item], extractor: Extractor, misses: int) -> dict[str, Report]:
    reports: dict[str, Report] = {"dev": Report(), "untouched": Report()}
    for item in items:
        half = "dev" if item.dev else "untouched"
        extracted = extractor(item.text, item.suffix)
        for field_name, found in score_item(item, extracted).items():
            for key in ((item.set_name, item.layout), (item.set_name, "all"), ("all", "all")):
                reports[half].counts[(key[0] + "/" + key[1], field_name)].add(*found)
            if half == "dev" and (found[1] or found[2]) and len(reports[half].misses) < misses:
                reports[half].misses.append(_miss_line(item, extracted, field_name))
    return reports


def print_report(half: str, report: Report) -> None:
    rows = sorted({key for key, _ in report.counts}, key=lambda k: (k.startswith("all"), k))
    print(f"\n== {half}: P R F1 (tp fp fn) per field")
    print(f"{'set/layout':28}" + "".join(f"{name:>27}" for name in FIELDS))
    for row in rows:
        cells = [
            report.counts[(row, name)].row() if (row, name) in report.counts else ""
            for name in FIELDS
        ]
        print(f"{row:28}" + "".join(f"{cell:>27}" for cell in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pipeline", type=Path, default=default_pipeline_path())
    parser.add_argument("--untouched", action="store_true", help="also score the untouched half")
    parser.add_argument("--misses", type=int, default=0, help="print this many dev misses")
    parser.add_argument("--set", choices=("dotin", "jsonresume"), default=None)
    args = parser.parse_args()
    items = [*dotin_items(args.data), *jsonresume_items(args.data)]
    items = [item for item in items if args.set in (None, item.set_name)]
    if not args.untouched:
        items = [item for item in items if item.dev]
    reports = run(items, Extractor(args.pipeline), args.misses)
    for line in reports["dev"].misses:
        print(line)
    print_report("dev", reports["dev"])
    if args.untouched:
        print_report("untouched", reports["untouched"])


if __name__ == "__main__":
    main()
