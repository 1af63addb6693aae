"""What a test of job headers compares: each job's employer, title and place as read."""

from __future__ import annotations

from collections.abc import Callable

from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]
JobRow = tuple[str | None, str | None, str | None]


def job_rows(extract_text: Extract, text: str) -> list[JobRow]:
    """Employer, title and place of each job extracted from ``text``, in order."""
    return [
        (
            job.organization.value if job.organization else None,
            job.role.value if job.role else None,
            job.location.value if job.location else None,
        )
        for job in extract_text(text).experiences
    ]


def employers_and_titles(extract_text: Extract, text: str) -> list[tuple[str | None, str | None]]:
    """Employer and title of each job extracted from ``text``, in order."""
    return [(employer, title) for employer, title, _place in job_rows(extract_text, text)]
