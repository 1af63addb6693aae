"""--redact leaves no planted personal value in any field of either export.

Two levels: records with a value planted in every string field an export reads (many examples,
fast), and résumé texts with values planted in every part a document has, run through the real
pipeline and exported by the CLI (few examples: each is a pipeline run).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from typer.testing import CliRunner

from resume_etl.cli import app
from resume_etl.config import PipelineConfig
from resume_etl.exports.jsonresume import to_json_resume, validation_errors
from resume_etl.exports.profiles import ProfileRecords
from resume_etl.exports.redact import Redactor
from resume_etl.exports.search import to_search_document
from resume_etl.records import (
    CharSpan,
    ContactRecord,
    EducationRecord,
    ExperienceRecord,
    LinkRecord,
    MetricRecord,
    ProfileRecord,
    ProjectRecord,
    PublicationRecord,
    SkillRecord,
)
from resume_etl.runner import discover_inputs, run_files
from resume_etl.vocab import (
    ContactKind,
    LinkPlatform,
    MetricDirection,
    MetricQualifier,
    MetricUnit,
    SkillSource,
)
from tests.conftest import make_document
from tests.exports.planted import (
    Planted,
    emails,
    personal_values,
    phones,
    strings_in,
    survivors,
)

REDACTOR = Redactor("property-salt")
SPAN = CharSpan(start=0, end=1)
BEFORE, AFTER = "Kubernetes quarterly", "during Postgres onboarding since 2019, up 40%"
"""Ordinary words around every planted value: redaction must leave every one of them. (A street
name has no end mark, so a capitalized word right after '12 rue de la Paix' may be taken as
part of it; a lower-case word, a comma or a line break ends it.)"""
FIELDS = 27
"""The string fields ``_profile`` plants a value in."""


def _field(value: Planted) -> str:
    return f"{BEFORE} {value.text} {AFTER}"


def _contact(doc_id: str, kind: ContactKind, value: str) -> ContactRecord:
    if kind == ContactKind.EMAIL:
        normalized = value.lower()
    else:
        digits = re.sub(r"\D", "", value)
        normalized = f"+{digits}" if value.startswith("+") else digits
    return ContactRecord(
        doc_id=doc_id,
        contact_id=f"c-{kind}",
        kind=kind,
        value=value,
        normalized=normalized,
        span=SPAN,
    )


def _profile(values: list[Planted], email: Planted, phone: Planted) -> ProfileRecords:
    """A profile with ``values`` planted in every string field the two exports read."""
    text = iter(_field(value) for value in values)
    document = make_document("\n".join(_field(value) for value in values))
    doc = document.doc_id
    entry = {"doc_id": doc, "section_id": "s1", "position": 0, "span": SPAN}
    return ProfileRecords(
        document=document,
        profile=ProfileRecord(
            doc_id=doc,
            name=next(text),
            headline=next(text),
            location=next(text),
            summary=next(text),
        ),
        experiences=[
            ExperienceRecord(
                **entry,
                entry_id="e1",
                organization=next(text),
                role=next(text),
                location=next(text),
                description=next(text),
                bullets=[next(text), next(text)],
                confidence=1.0,
            )
        ],
        education=[
            EducationRecord(
                **entry,
                entry_id="e2",
                institution=next(text),
                degree=next(text),
                field_of_study=next(text),
                honors=[next(text)],
                confidence=1.0,
            )
        ],
        projects=[
            ProjectRecord(
                **entry,
                entry_id="e3",
                name=next(text),
                description=next(text),
                bullets=[next(text)],
                technologies=[next(text)],
                url=f"mailto:{email.text}",
            )
        ],
        publications=[
            PublicationRecord(
                doc_id=doc,
                publication_id="p1",
                title=next(text),
                title_span=SPAN,
                venue=next(text),
                span=SPAN,
            )
        ],
        skills=[
            SkillRecord(
                doc_id=doc,
                skill_id="k1",
                name=next(text),
                group=next(text),
                source=SkillSource.SKILLS_SECTION,
                in_lexicon=False,
                mention_count=1,
                spans=[SPAN],
            )
        ],
        metrics=[
            MetricRecord(
                doc_id=doc,
                metric_id="m1",
                value=40.0,
                unit=MetricUnit.PERCENT,
                qualifier=MetricQualifier.EXACT,
                direction=MetricDirection.INCREASE,
                subject=next(text),
                text=next(text),
                span=SPAN,
                sentence=next(text),
                sentence_span=SPAN,
            )
        ],
        links=[
            LinkRecord(
                doc_id=doc,
                link_id="l1",
                url=f"mailto:{email.text}",
                platform=LinkPlatform.GITHUB,
                username=next(text),
                text=next(text),
                span=SPAN,
            )
        ],
        contacts=[
            _contact(doc, ContactKind.EMAIL, email.text),
            _contact(doc, ContactKind.PHONE, phone.text),
        ],
    )


_PLAIN_EMAILS = emails().filter(lambda email: re.fullmatch(r"[\w.+-]+@[\w.-]+", email.text))


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(personal_values, min_size=FIELDS, max_size=FIELDS),
    email=_PLAIN_EMAILS,
    phone=phones(),
)
def test_no_planted_value_survives_either_export_of_the_records(
    values: list[Planted], email: Planted, phone: Planted
) -> None:
    profile = _profile(values, email, phone)
    resume = to_json_resume(profile, REDACTOR).to_json_dict()
    feed = to_search_document(profile, REDACTOR).model_dump(mode="json")
    for exported in (resume, feed):
        assert survivors([*values, email, phone], list(strings_in(exported))) == []
    assert validation_errors(resume) == []


@settings(max_examples=25, deadline=None)
@given(values=st.lists(personal_values, min_size=FIELDS, max_size=FIELDS))
def test_redaction_leaves_every_ordinary_word_around_the_values(values: list[Planted]) -> None:
    profile = _profile(values, Planted("jane@example.org"), Planted("+44 20 7946 0958"))
    for export in (_resume_strings, _feed_strings):
        plain, redacted = export(profile, None), export(profile, REDACTOR)
        assert _count(redacted, BEFORE) == _count(plain, BEFORE) > 0
        assert _count(redacted, AFTER) == _count(plain, AFTER) > 0


def _resume_strings(profile: ProfileRecords, redactor: Redactor | None) -> list[str]:
    return list(strings_in(to_json_resume(profile, redactor).to_json_dict()))


def _feed_strings(profile: ProfileRecords, redactor: Redactor | None) -> list[str]:
    return list(strings_in(to_search_document(profile, redactor).model_dump(mode="json")))


def _count(strings: list[str], word: str) -> int:
    return sum(text.count(word) for text in strings)


RESUME_TEMPLATE = """Jane Q. Roe {name}
{email} | {phone} | {header}

Summary
Backend engineer working on Kubernetes and Postgres onboarding. {summary}

Experience
Senior Platform Engineer {role}
Acme Analytics {organization}, {location}
Jan 2020 - Present
- Built Kubernetes operators for {bullet}
- Cut latency by 40% across 12 services

Projects
Pipeline Kit {project}
- Maintained by the team at {project_bullet}

Publications
Roe, J. (2021). Streaming joins at scale {publication}. Journal of Data, 12(3), 45-67.

Skills
Python, SQL, Kafka, {skill}
"""
PARTS = ("name", "header", "summary", "role", "organization", "location", "bullet", "project")
PARTS_MORE = ("project_bullet", "publication", "skill")
runner = CliRunner()


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    values=st.lists(personal_values, min_size=11, max_size=11),
    email=_PLAIN_EMAILS,
    phone=phones(),
)
def test_no_value_planted_in_a_resume_survives_the_redacted_exports(
    config: PipelineConfig, nlp: Language, values: list[Planted], email: Planted, phone: Planted
) -> None:
    text = RESUME_TEMPLATE.format(
        email=email.text,
        phone=phone.text,
        **{part: value.text for part, value in zip(PARTS + PARTS_MORE, values, strict=True)},
    )
    with tempfile.TemporaryDirectory() as scratch:
        exported = _run_and_export(Path(scratch), text, config, nlp)
    assert survivors([*values, email, phone], exported) == []
    assert any("Cut latency by 40% across 12 services" in value for value in exported)
    assert any("Kafka" in value for value in exported)


def _run_and_export(scratch: Path, text: str, config: PipelineConfig, nlp: Language) -> list[str]:
    """Every string of both redacted exports of ``text`` run through the pipeline."""
    (scratch / "in").mkdir()
    (scratch / "in" / "resume.txt").write_text(text, "utf-8")
    run_files(config, discover_inputs([scratch / "in"], config), scratch / "tables", nlp=nlp)
    salt = ["--tables", str(scratch / "tables"), "--redact", "--salt", "s"]
    for kind, out in (("jsonresume", scratch / "site"), ("search", scratch / "feed.ndjson")):
        result = runner.invoke(app, ["export", kind, "--out", str(out), *salt])
        assert result.exit_code == 0, result.output
    documents = [json.loads(path.read_text("utf-8")) for path in scratch.glob("site/*/*.json")]
    lines = (scratch / "feed.ndjson").read_text("utf-8").splitlines()
    documents += [json.loads(line) for line in lines]
    assert len(documents) == 3
    return [value for document in documents for value in strings_in(document)]


ISSUE_DOCUMENT = """Jane Q. Roe
jane.roe@example.org | +1 (212) 555-0147 | 221B Baker Street, London NW1 6XE
Contact: jroe (at) example (dot) com, jroe [at] mailbox [dot] net, roe at example dot com

Summary
Data engineer living at 12 rue de la Paix, 75002 Paris. Reach me at 06 12 34 56 78 or 020 7946 0958.
Previously at Keizersgracht 123, 1015 CJ Amsterdam. Mail: PO Box 1234, New York, NY 10118.

Experience
Senior Data Engineer - contractor (ops@acme-example.com)
Acme Analytics (hr@acme-example.com), Hauptstraße 5, 10115 Berlin
Jan 2020 - Present
- Built pipelines; office at Apt 4B, 350 Fifth Avenue, New York, NY 10118
- Moved to Flat 2, 10 Downing Street, London SW3 4AA; phone 212-555-0199
- Cut latency by 40% across 12 services

Data Analyst at Globex (jobs [at] globex [dot] io)
Mar 2017 - Dec 2019
- Call +49 30 1234567 for references; Calle Mayor 5, 28013 Madrid
- Via Roma 10, 00184 Roma

Education
MSc Computer Science, University of Somewhere (registrar@uni-example.edu), 2016

Projects
Pipeline Kit (kit@example.dev) - tool at 1600 Amphitheatre Parkway, CA 94043
- Maintained by dev (at) example (dot) dev

Publications
Roe, J. (2021). Streaming joins, contact jane.roe@example.org. Journal of Data, 12(3), 45-67.

Skills
Python, SQL, Kafka, jane.roe@example.org
"""
"""Issue 17's kinds of leak in one résumé: emails inside organization, role, school, project,
publication and skill fields, obfuscated emails, addresses and postcodes of six countries."""
ISSUE_VALUES = [
    "jane.roe@example.org",
    "+1 (212) 555-0147",
    "221B Baker Street",
    "NW1 6XE",
    "jroe (at) example (dot) com",
    "jroe [at] mailbox [dot] net",
    "roe at example dot com",
    "12 rue de la Paix",
    "75002 Paris",
    "06 12 34 56 78",
    "020 7946 0958",
    "Keizersgracht 123",
    "1015 CJ",
    "PO Box 1234",
    "NY 10118",
    "ops@acme-example.com",
    "hr@acme-example.com",
    "Hauptstraße 5",
    "10115 Berlin",
    "Apt 4B",
    "350 Fifth Avenue",
    "Flat 2",
    "10 Downing Street",
    "SW3 4AA",
    "212-555-0199",
    "jobs [at] globex [dot] io",
    "+49 30 1234567",
    "Calle Mayor 5",
    "28013 Madrid",
    "Via Roma 10",
    "00184 Roma",
    "registrar@uni-example.edu",
    "kit@example.dev",
    "1600 Amphitheatre Parkway",
    "CA 94043",
    "dev (at) example (dot) dev",
]


def test_no_value_of_the_issue_document_survives_either_export(
    config: PipelineConfig, nlp: Language, tmp_path: Path
) -> None:
    exported = _run_and_export(tmp_path, ISSUE_DOCUMENT, config, nlp)
    assert survivors([Planted(value) for value in ISSUE_VALUES], exported) == []
    for ordinary in ("Cut latency by 40% across 12 services", "Acme Analytics", "Kafka"):
        assert any(ordinary in value for value in exported), ordinary
