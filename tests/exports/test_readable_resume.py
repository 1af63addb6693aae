"""JSON Resume pages a person reads: readable skill groups, spoken languages, certificates."""

from __future__ import annotations

from typing import Any

from resume_etl.exports._readable import readable_heading
from resume_etl.exports.jsonresume import to_json_resume, validation_errors
from resume_etl.exports.profiles import ProfileRecords
from resume_etl.records import CharSpan, ProfileRecord, SectionRecord, SkillRecord
from resume_etl.vocab import SectionKind, SkillSource
from tests.conftest import make_document


def _skill(
    text: str,
    name: str,
    group: str | None,
    category: str | None,
    source: SkillSource = SkillSource.SKILLS_SECTION,
) -> SkillRecord:
    start = text.index(name)
    return SkillRecord(
        doc_id="d1",
        skill_id=f"{name}-{group}",
        name=name,
        group=group,
        category=category,
        source=source,
        in_lexicon=category is not None,
        mention_count=1,
        spans=[CharSpan(start=start, end=start + len(name))],
    )


def _resume(
    text: str, skills: list[SkillRecord], sections: list[SectionRecord] | None = None
) -> dict[str, Any]:
    document = make_document(text)
    profile = ProfileRecords(
        document=document,
        profile=ProfileRecord(doc_id=document.doc_id),
        skills=skills,
        sections=sections or [],
    )
    resume = to_json_resume(profile).to_json_dict()
    assert validation_errors(resume) == []
    return resume


def test_headings_cased_differently_make_one_readable_group() -> None:
    text = "KEY SKILLS\nPython\nKey Skills\nGo\nSQL"
    skills = [
        _skill(text, "Python", "KEY SKILLS", "programming_language"),
        _skill(text, "Go", "Key Skills:", "programming_language"),
        _skill(text, "SQL", "**TECHNICAL SKILLS & SQL TOOLS**", "database"),
    ]
    assert _resume(text, skills)["skills"] == [
        {"name": "Key Skills", "keywords": ["Python", "Go"]},
        {"name": "Technical Skills & SQL Tools", "keywords": ["SQL"]},
    ]


def test_mentioned_skills_are_grouped_under_readable_category_names() -> None:
    text = "Built models on Linux with PyTorch and Kafka."
    skills = [
        _skill(text, "Linux", None, "os", SkillSource.MENTION),
        _skill(text, "PyTorch", None, "ml", SkillSource.MENTION),
        _skill(text, "Kafka", None, None, SkillSource.MENTION),
    ]
    names = [group["name"] for group in _resume(text, skills)["skills"]]
    assert names == ["Operating systems", "Machine learning", "Other skills"]


def test_listed_spoken_languages_fill_languages_with_their_stated_level() -> None:
    text = "LANGUAGES\nGerman (native), English - fluent, Kannada\nSkills\nPython"
    skills = [
        _skill(text, "German", "LANGUAGES", "language"),
        _skill(text, "English", "LANGUAGES", "language"),
        _skill(text, "Kannada", "LANGUAGES", None),
        _skill(text, "Python", "Skills", "programming_language"),
    ]
    resume = _resume(text, skills)
    assert resume["languages"] == [
        {"language": "German", "fluency": "Native"},
        {"language": "English", "fluency": "Fluent"},
        {"language": "Kannada"},
    ]
    assert resume["skills"] == [{"name": "Skills", "keywords": ["Python"]}]


def test_a_language_only_mentioned_in_prose_is_not_a_spoken_language() -> None:
    text = "Cooked French cuisine for ten years."
    resume = _resume(text, [_skill(text, "French", None, "language", SkillSource.MENTION)])
    assert "languages" not in resume


def _certifications_section(text: str, heading: str) -> SectionRecord:
    start = text.index(heading)
    return SectionRecord(
        doc_id="d1",
        section_id="s1",
        position=1,
        kind=SectionKind.OTHER,
        heading=heading,
        heading_span=CharSpan(start=start, end=start + len(heading)),
        span=CharSpan(start=start, end=len(text)),
        entry_count=0,
    )


def test_certificates_are_read_one_a_line_with_their_year() -> None:
    text = (
        "Jane\nCERTIFICATIONS & TRAINING\n"
        "- AWS Certified Machine Learning - Specialty (2022)\n"
        "Advanced Life Support (ALS), Resuscitation Council UK      renewed 2023\n"
        "Six Sigma Green Belt\n"
    )
    section = _certifications_section(text, "CERTIFICATIONS & TRAINING")
    assert _resume(text, [], [section])["certificates"] == [
        {"name": "AWS Certified Machine Learning - Specialty", "date": "2022"},
        {"name": "Advanced Life Support (ALS), Resuscitation Council UK", "date": "2023"},
        {"name": "Six Sigma Green Belt"},
    ]


def test_certificates_in_linkedin_blocks_keep_issuer_and_month() -> None:
    text = (
        "Jane\nLicenses & certifications\n\n"
        "Inbound Marketing Certification\nExample Academy\nIssued Mar 2021\n\n"
        "Search Certification\nExample Inc\nIssued Nov 2022\nCredential ID 12AB\n"
    )
    section = _certifications_section(text, "Licenses & certifications")
    assert _resume(text, [], [section])["certificates"] == [
        {"name": "Inbound Marketing Certification", "date": "2021-03", "issuer": "Example Academy"},
        {"name": "Search Certification", "date": "2022-11", "issuer": "Example Inc"},
    ]


def test_readable_heading_keeps_acronyms_and_mixed_case() -> None:
    assert readable_heading("IT SKILLS:") == "IT Skills"
    assert readable_heading("Skills and kitchen toolkit") == "Skills and kitchen toolkit"
