"""A deterministic résumé corpus for benchmarks: same seed, same files, byte for byte.

The documents are invented but shaped like the ones in ``raw/``: five layouts (markdown, plain
text, LinkedIn export, personal website, academic CV), 300 to 5,000 tokens, with the mix of
short header lines, dated entries, metric-bearing bullets, prose and skills lists that decides
where the pipeline spends its time. Nothing is committed: ``benchmarks/corpus/`` is gitignored.

    python -m benchmarks.corpus --docs 1000 --seed 7 --out benchmarks/corpus
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("markdown", "plain", "linkedin", "website", "academic")
MIN_TOKENS = 300
MAX_TOKENS = 5_000
DEFAULT_OUT = Path(__file__).resolve().parent / "corpus"

_FIRST = (
    "Jane",
    "Arjun",
    "Mei",
    "Lukas",
    "Amara",
    "Diego",
    "Sofia",
    "Kwame",
    "Hana",
    "Oliver",
    "Priya",
    "Tomás",
    "Ingrid",
    "Yusuf",
    "Chloe",
    "Mateo",
    "Aisha",
    "Felix",
    "Nadia",
    "Ravi",
)
_LAST = (
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Moreau",
    "Hernández",
    "Schmidt",
    "Novak",
    "Patel",
    "O'Brien",
    "Kowalski",
    "Nguyen",
    "Fischer",
    "Adeyemi",
    "Rossi",
    "Haddad",
    "Larsen",
)
_CITIES = (
    "Austin, TX",
    "Berlin, Germany",
    "Toronto, ON",
    "Lagos, Nigeria",
    "Melbourne, VIC",
    "London, UK",
    "Bangalore, India",
    "Seattle, WA",
    "Lyon, France",
    "Remote",
)
_COMPANIES = (
    "Northwind Bank",
    "Harborlight",
    "Pinecrest Analytics",
    "Copperline Media",
    "Globex Corporation",
    "Initech LLC",
    "Riverside General Hospital",
    "Brightpath Media",
    "Saltbush Dining Room",
    "Acme Robotics GmbH",
    "Bluefin Logistics",
    "Umbrella Health",
    "Stark Industries",
    "Wayne Enterprises",
    "Vandelay Industries",
    "Helios Energy Ltd",
)
_ROLES = (
    "Software Engineer",
    "Senior Data Analyst",
    "Marketing Manager",
    "Staff Nurse",
    "Product Manager",
    "Research Assistant",
    "Data Scientist",
    "Backend Developer",
    "Head Chef",
    "Mechanical Engineer",
    "Accountant",
    "Teaching Assistant",
    "Director of Growth Marketing",
    "DevOps Engineer",
    "Machine Learning Engineer",
)
_TYPES = ("Full-time", "Part-time", "Contract", "Internship", "Freelance")
_SCHOOLS = (
    "University of Michigan",
    "University of Heidelberg",
    "Shanghai Jiao Tong University",
    "University of Toronto",
    "Imperial College London",
    "University of Lagos",
    "Indian Institute of Technology Bombay",
    "University of Melbourne",
)
_DEGREES = (
    "B.S. in Computer Science",
    "M.Sc. in Data Science",
    "Bachelor of Science in Nursing",
    "MBA",
    "Ph.D. in Molecular Biology",
    "B.Eng. in Mechanical Engineering",
    "Master of Arts in Economics",
)
_SKILLS = (
    "Python",
    "Java",
    "Go",
    "SQL",
    "Docker",
    "Kubernetes",
    "AWS",
    "PostgreSQL",
    "Redis",
    "React",
    "TypeScript",
    "Spark",
    "Airflow",
    "Tableau",
    "Excel",
    "Salesforce",
    "HubSpot",
    "Linux",
    "Git",
    "Terraform",
    "PyTorch",
    "pandas",
    "Kafka",
    "GraphQL",
    "C++",
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_VERBS_UP = ("Increased", "Grew", "Improved", "Boosted", "Raised", "Expanded")
_VERBS_DOWN = ("Reduced", "Cut", "Lowered", "Decreased", "Shrank", "Trimmed")
_OBJECTS = (
    "p99 latency",
    "monthly churn",
    "infrastructure cost",
    "onboarding time",
    "conversion rate",
    "test coverage",
    "patient wait times",
    "food waste",
    "deployment frequency",
    "customer satisfaction scores",
    "build times",
)
_PLAIN_BULLETS = (
    "Led the migration of the billing service to an event-driven architecture",
    "Mentored junior engineers and ran the weekly design review",
    "Worked with product and sales to define the quarterly roadmap",
    "Wrote and maintained the on-call runbooks for the payments team",
    "Partnered with clinical staff to redesign the discharge checklist",
    "Owned vendor relationships and negotiated annual contracts",
    "Introduced code review guidelines adopted across the department",
    "Designed the data model for the new reporting warehouse",
)
_SUMMARY = (
    "I am a practitioner who likes hard problems and measurable outcomes.",
    "Over the last decade I have built teams, shipped products and learned from customers.",
    "My work sits where engineering, operations and the people who use the systems meet.",
    "I care about clear writing, careful reviews and leaving systems better than I found them.",
    "Currently focused on reliability, cost and the developer experience of internal platforms.",
)


@dataclass(frozen=True, slots=True)
class Job:
    """One invented position, rendered differently by each layout."""

    role: str
    company: str
    kind: str
    city: str
    start: str
    end: str
    bullets: tuple[str, ...]


def _period(rng: random.Random, year: int) -> tuple[str, str, int]:
    """A start and end month-year, and the year the next (older) job ends in."""
    start_year = year - rng.randint(1, 4)
    start = f"{rng.choice(_MONTHS)} {start_year}"
    end = "Present" if year >= 2025 else f"{rng.choice(_MONTHS)} {year}"
    return start, end, start_year


def _bullet(rng: random.Random) -> str:
    """Roughly half the bullets carry a metric, as real résumés do."""
    roll = rng.random()
    if roll < 0.25:
        return f"{rng.choice(_VERBS_DOWN)} {rng.choice(_OBJECTS)} by {rng.randint(5, 80)}%"
    if roll < 0.4:
        return (
            f"{rng.choice(_VERBS_UP)} {rng.choice(_OBJECTS)} from {rng.randint(10, 40)}% "
            f"to {rng.randint(41, 95)}% within {rng.randint(2, 12)} months"
        )
    if roll < 0.5:
        return (
            f"Managed a ${rng.randint(1, 9)}.{rng.randint(0, 9)}M budget and a team of "
            f"{rng.randint(3, 20)} engineers across {rng.randint(2, 5)} offices"
        )
    return f"{rng.choice(_PLAIN_BULLETS)} using {', '.join(rng.sample(_SKILLS, 2))}"


_GOLD_BY = re.compile(
    rf"^[-•\s]*(?:{'|'.join(_VERBS_DOWN)}) (?P<subject>{'|'.join(_OBJECTS)}) by (?P<text>\d+%)",
    re.MULTILINE,
)
_GOLD_FROM_TO = re.compile(
    rf"^[-•\s]*(?:{'|'.join(_VERBS_UP)}) (?P<subject>{'|'.join(_OBJECTS)}) "
    r"from (?P<text>\d+% to \d+%)",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class GoldMetric:
    """A metric whose meaning the generator knows: its text, direction and subject."""

    text: str
    direction: str
    subject: str


def gold_metrics(text: str) -> list[GoldMetric]:
    """The metrics of the templated bullets ("Cut X by 5%", "Grew X from 5% to 9%")."""
    return [
        GoldMetric(match["text"], direction, match["subject"])
        for pattern, direction in ((_GOLD_BY, "decrease"), (_GOLD_FROM_TO, "increase"))
        for match in pattern.finditer(text)
    ]


def _jobs(rng: random.Random, count: int) -> list[Job]:
    jobs, year = [], 2026
    for _ in range(count):
        start, end, year = _period(rng, year)
        bullets = tuple(_bullet(rng) for _ in range(rng.randint(2, 6)))
        jobs.append(
            Job(
                rng.choice(_ROLES),
                rng.choice(_COMPANIES),
                rng.choice(_TYPES),
                rng.choice(_CITIES),
                start,
                end,
                bullets,
            )
        )
        year -= rng.randint(0, 1)
    return jobs


def _schools(rng: random.Random) -> list[tuple[str, str, str]]:
    first = rng.randint(2004, 2016)
    return [
        (rng.choice(_DEGREES), rng.choice(_SCHOOLS), f"{first + 4 * i} - {first + 4 * i + 4}")
        for i in range(rng.randint(1, 3))
    ]


def _publications(rng: random.Random, count: int) -> list[str]:
    return [
        f'{rng.choice(_LAST)}, A. "A study of {rng.choice(_OBJECTS)} in {rng.choice(_SKILLS)} '
        f'systems." Journal of Applied Systems {rng.randint(10, 40)}, {rng.randint(2012, 2025)}.'
        for _ in range(count)
    ]


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str
    phone: str
    city: str
    handle: str


def _person(rng: random.Random) -> Person:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    handle = f"{first}-{last}".lower().replace("'", "").replace("á", "a").replace("é", "e")
    return Person(
        f"{first} {last}",
        f"{handle}@example.org",
        f"+1 (555) {rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
        rng.choice(_CITIES),
        handle,
    )


def _skills_line(rng: random.Random) -> str:
    return ", ".join(rng.sample(_SKILLS, rng.randint(5, 10)))


def render_markdown(rng: random.Random, person: Person, jobs: list[Job]) -> Iterator[str]:
    yield f"# {person.name}\n\n{rng.choice(_ROLES)} · {person.city}\n"
    yield f"{person.email} | {person.phone} | github.com/{person.handle}\n\n## Summary\n"
    yield " ".join(rng.sample(_SUMMARY, 3)) + "\n\n## Experience\n"
    for job in jobs:
        yield f"\n### {job.role} | {job.company} | {job.kind}\n{job.start} - {job.end}\n"
        yield "".join(f"- {bullet}\n" for bullet in job.bullets)
    yield "\n## Education\n"
    for degree, school, years in _schools(rng):
        yield f"\n### {school}\n{degree}, {years}\n"
    yield f"\n## Skills\n\n- Languages: {_skills_line(rng)}\n- Tools: {_skills_line(rng)}\n"


def render_plain(rng: random.Random, person: Person, jobs: list[Job]) -> Iterator[str]:
    yield f"{person.name.upper()}\n{person.city} | {person.phone} | {person.email}\n\n"
    yield "PROFESSIONAL SUMMARY\n" + " ".join(rng.sample(_SUMMARY, 2)) + "\n\nWORK EXPERIENCE\n"
    for job in jobs:
        yield f"\n{job.company}, {job.city}\n{job.role}    {job.start} - {job.end}\n"
        yield "".join(f"- {bullet}.\n" for bullet in job.bullets)
    yield "\nEDUCATION\n"
    for degree, school, years in _schools(rng):
        yield f"\n{degree}\n{school}, {years}\nGPA: {rng.randint(30, 40) / 10} / 4.0\n"
    yield f"\nSKILLS\n{_skills_line(rng)}\n"


def render_linkedin(rng: random.Random, person: Person, jobs: list[Job]) -> Iterator[str]:
    yield f"{person.name}\n{rng.choice(_ROLES)} at {jobs[0].company}\n{person.city}\n"
    yield f"500+ connections\nContact info\nlinkedin.com/in/{person.handle}\n\nAbout\n"
    yield " ".join(rng.sample(_SUMMARY, 3)) + "\n\nExperience\n"
    for job in jobs:
        yield f"\n{job.role}\n{job.company} · {job.kind}\n{job.start} - {job.end}\n{job.city}\n"
        yield "".join(f"- {bullet}.\n" for bullet in job.bullets)
        yield f"Skills: {' · '.join(rng.sample(_SKILLS, 3))}\n"
    yield "\nEducation\n"
    for degree, school, years in _schools(rng):
        yield f"\n{school}\n{degree}\n{years}\n"


def render_website(rng: random.Random, person: Person, jobs: list[Job]) -> Iterator[str]:
    yield f"Hi, I'm {person.name}. Based in {person.city}.\n\n"
    yield " ".join(rng.sample(_SUMMARY, 4)) + "\n\nWhere I've worked\n"
    for job in jobs:
        yield f"\n{job.start} - {job.end}\n\n{job.role}\n\n{job.company}, {job.city}\n\n"
        yield f"{rng.choice(_SUMMARY)}\n\n"
        yield "".join(f"  • {bullet}\n" for bullet in job.bullets)
    yield f"\nGet in touch\n{person.email}\nhttps://{person.handle}.example.org\n"


def render_academic(rng: random.Random, person: Person, jobs: list[Job]) -> Iterator[str]:
    yield f"CURRICULUM VITAE\n\nDr. {person.name}\n{rng.choice(_ROLES)}\n{person.city}\n\n"
    yield f"E-mail: {person.email}  |  Tel.: {person.phone}\n\nRESEARCH INTERESTS\n"
    yield " ".join(rng.sample(_SUMMARY, 2)) + "\n\nACADEMIC APPOINTMENTS\n"
    for job in jobs:
        yield f"\n{job.start} - {job.end}   {job.role}, {job.company}\n"
        yield "".join(f"- {bullet}\n" for bullet in job.bullets)
    yield "\nEDUCATION\n"
    for degree, school, years in _schools(rng):
        yield f"\n{years}   {degree}, {school}\n"
    yield "\nPUBLICATIONS\n"
    yield "".join(f"- {entry}\n" for entry in _publications(rng, rng.randint(3, 12)))


Renderer = Callable[[random.Random, Person, list[Job]], Iterator[str]]
RENDERERS: dict[str, Renderer] = {
    "markdown": render_markdown,
    "plain": render_plain,
    "linkedin": render_linkedin,
    "website": render_website,
    "academic": render_academic,
}


def approximate_tokens(text: str) -> int:
    """Whitespace words plus punctuation marks: within a few percent of spaCy's count."""
    return len(text.split()) + sum(text.count(mark) for mark in ",.:;|()%$")


def target_length(rng: random.Random) -> int:
    """Most résumés are 500-1,500 tokens; a long tail of academic CVs reaches 5,000."""
    return min(MAX_TOKENS, max(MIN_TOKENS, int(rng.lognormvariate(6.55, 0.5))))


def make_document(rng: random.Random, layout: str, tokens: int) -> tuple[str, list[Job]]:
    """One document of ``layout`` with about ``tokens`` tokens (more jobs make it longer)."""
    person = _person(rng)
    render = RENDERERS[layout]
    jobs = _jobs(rng, 1)
    text = "".join(render(random.Random(rng.random()), person, jobs))
    while approximate_tokens(text) < tokens:
        count = max(len(jobs) + 1, int(len(jobs) * tokens / max(approximate_tokens(text), 1)))
        jobs = _jobs(rng, count)
        text = "".join(render(random.Random(rng.random()), person, jobs))
    return text, jobs


@dataclass(frozen=True, slots=True)
class GeneratedDocument:
    """A document and the jobs it was written from (the gold for the experiences table)."""

    name: str
    text: str
    jobs: tuple[Job, ...]


def generate_documents(
    docs: int, seed: int = 7, tokens: int | None = None
) -> Iterator[GeneratedDocument]:
    """The corpus, in order; ``tokens`` fixes every document's length (for linearity)."""
    rng = random.Random(seed)
    for index in range(docs):
        layout = FORMATS[index % len(FORMATS)]
        length = tokens if tokens is not None else target_length(rng)
        suffix = ".md" if layout == "markdown" else ".txt"
        text, jobs = make_document(rng, layout, length)
        yield GeneratedDocument(f"{index:06d}_{layout}{suffix}", text, tuple(jobs))


def generate(docs: int, seed: int = 7, tokens: int | None = None) -> Iterator[tuple[str, str]]:
    """``(file name, text)`` pairs of ``generate_documents``."""
    for document in generate_documents(docs, seed, tokens):
        yield document.name, document.text


GOLD_FILE = "gold.jsonl"
"""Beside the documents: one line per document with the jobs it holds (ingest skips .jsonl)."""


def write_corpus(out: Path, docs: int, seed: int = 7, tokens: int | None = None) -> list[Path]:
    """Write the corpus and its gold into ``out`` (replacing earlier files); paths in order."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*_*.*"):
        old.unlink()
    paths = []
    with (out / GOLD_FILE).open("w", encoding="utf-8") as gold:
        for document in generate_documents(docs, seed, tokens):
            path = out / document.name
            path.write_text(document.text, encoding="utf-8")
            paths.append(path)
            jobs = [
                {"role": job.role, "organization": job.company, "location": job.city}
                for job in document.jobs
            ]
            gold.write(json.dumps({"file": document.name, "experiences": jobs}) + "\n")
    return paths


def read_gold(out: Path) -> dict[str, list[dict[str, str]]]:
    """File name -> the jobs it was written from."""
    lines = (out / GOLD_FILE).read_text(encoding="utf-8").splitlines()
    return {entry["file"]: entry["experiences"] for entry in map(json.loads, lines)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=200, help="documents (up to 100,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--tokens", type=int, default=None, help="fix every document's length")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.docs, args.seed, args.tokens)
    print(f"wrote {len(paths)} documents to {args.out}")


if __name__ == "__main__":
    main()
