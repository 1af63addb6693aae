"""Fixtures of the real-data evaluation tests: invented facts, and the real data folder (the
tests that need it skip when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_etl.evaluation.real.data import find_data_dir
from resume_etl.evaluation.real.facts import (
    Job,
    Month,
    Period,
    Person,
    Project,
    Publication,
    ResumeFacts,
    School,
    SkillGroup,
)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    folder = find_data_dir()
    if folder is None:
        pytest.skip("no real data folder (set RESUME_ETL_DATA or place ../shared/data)")
    return folder


@pytest.fixture(scope="session")
def facts() -> ResumeFacts:
    """A made-up person with every kind of entry the renderers print."""
    long_line = (
        "Rebuilt the nightly settlement batch so that reconciliation finishes before the "
        "morning shift, with alerts routed to the on-call engineer and a runbook for each step"
    )
    return ResumeFacts(
        id="invented",
        person=Person(
            name="Mira Quell",
            label="Platform Engineer",
            email="mira.quell@example.org",
            phone="+44 20 7946 0000",
            url="https://mira.example.org",
            location="Leeds, UK",
            street="4 Canal Wharf",
            summary="Engineer who keeps payment systems boring and fast.",
            profiles=["https://github.com/mira-quell-example"],
        ),
        jobs=[
            Job(
                organization="Harbour Ledger",
                role="Senior Platform Engineer",
                location="Leeds",
                period=Period(start=Month(year=2021, month=3), current=True),
                summary="Runs the payments platform.",
                highlights=[long_line, "Cut deploy time by 40%"],
            ),
            Job(
                organization="Copperleaf Analytics",
                role="Software Engineer",
                period=Period(start=Month(year=2017, month=9), end=Month(year=2021, month=2)),
                highlights=["Built the ingestion service"],
            ),
        ],
        schools=[
            School(
                institution="University of Northfield",
                degree="BSc",
                field="Computer Science",
                period=Period(start=Month(year=2013), end=Month(year=2016)),
            )
        ],
        projects=[Project(name="ledgerlint", description="A linter for ledger files.")],
        publications=[Publication(title="Boring Payments at Scale", venue="OpsConf", year=2022)],
        skills=[SkillGroup(name="Languages", keywords=["Go", "Python", "SQL"])],
        languages=["English", "Spanish"],
    )
