"""Project lists read as lists: "Name: description" lines, one bullet per project, and
blocks after blank lines (invented text; the shapes, not any one document)."""

from __future__ import annotations

import pytest

from resume_etl.config import load_config
from resume_etl.records import DocumentRecord
from resume_etl.stages.extract.projects import project_entries
from resume_etl.stages.segment import Section, SectionClassifier, segment
from resume_etl.vocab import SectionKind


def _names(text: str) -> list[str] | None:
    """The project names ``project_entries`` reads from the document's projects section."""
    document = DocumentRecord.model_construct(doc_id="d", text=text)
    segmented = segment(document, SectionClassifier(load_config(None).segment))
    section: Section = next(s for s in segmented.sections if s.kind is SectionKind.PROJECTS)
    width = max(len(line) for line in text.split("\n"))
    listed = project_entries(section, text.split("\n", 1)[0], width)
    if listed is None:
        return None
    names = []
    for entry, name_end in listed:
        line = entry.header[0]
        end = name_end if name_end is not None else line.end
        names.append(text[line.content_start : end].strip())
    return names


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # hard-wrapped "Name: description", a bare name, a name alone before its colon
            "Ledger Sync (2021): Reconciles two ledgers every night and reports any\n"
            "difference to the finance team on call.\n"
            "Route Planner: Plans delivery routes.\n"
            "Solar Tracker\n"
            "Warehouse Robot Gait Study:\n"
            "Thesis work: designed and built a walking mechanism for a warehouse robot\n"
            "with six legs.\n",
            ["Ledger Sync (2021)", "Route Planner", "Solar Tracker", "Warehouse Robot Gait Study"],
        ),
        (  # one bullet per project, named by its colon or whole
            "- Ledger Sync: Reconciles two ledgers.\n- Route Planner\n- Solar Tracker: A toy.\n",
            ["Ledger Sync", "Route Planner", "Solar Tracker"],
        ),
        (  # bullets only, one of them named: still one project per bullet
            "- Ledger Sync: Reconciles two ledgers.\n- Route Planner\n",
            ["Ledger Sync", "Route Planner"],
        ),
        (  # named bullets whose descriptions run on to plain lines
            "- Ledger Sync: Reconciles two ledgers.\nWritten in Go.\n- Route Planner\n"
            "- Solar Tracker: A toy.\nRequirements\nA sunny day.\n",
            ["Ledger Sync", "Route Planner", "Solar Tracker"],
        ),
        (  # a single "Name: description" project, hard-wrapped
            "Ledger Sync: Reconciles two ledgers every night and reports any difference to\n"
            "the finance team.\n",
            ["Ledger Sync"],
        ),
        (  # a one-word bare name after a named line
            "Route Planner: Plans delivery routes.\nSolar Tracker: A toy.\nledger-tools\n",
            ["Route Planner", "Solar Tracker", "ledger-tools"],
        ),
        (  # one named block over unmarked highlight lines: blocks, not a named list
            "Thesis: Robot Gait\nA walking robot built over two years with six legs and a camera.\n"
            "Wrote the documentation\n\nRoute Planner\nPlans routes.\nLed a team of three\n",
            ["Thesis: Robot Gait", "Route Planner"],
        ),
        (  # blocks whose first description opens with a label: still one project per block
            "Ledger Sync\nHackathon project: reconciles two ledgers every night and reports any\n"
            "difference to the team.\nWrote the documentation\n\nRoute Planner\nPlans routes.\n"
            "Led a team of three\n",
            ["Ledger Sync", "Route Planner"],
        ),
        (  # one-line projects of about one length: each line had room for the next name
            "Ledger Sync: Tech stack: Vue, Firebase\nRoute Planner\n"
            "Solar Tracker: a web app built with React and Node.js\n"
            "ledger-tools: a web app built with React and Node.js\n"
            "Thesis work: a long description that was wrapped by the page at its width and\n"
            "Overflow: runs on here.\n",
            ["Ledger Sync", "Route Planner", "Solar Tracker", "ledger-tools", "Thesis work"],
        ),
        (  # blocks after blank lines; a tech line and a URL line are not projects
            "Ledger Sync\nReconciles two ledgers every night.\nTechnology: Python\n"
            "Technology: Kafka\n\nroute-planner\nPlans delivery routes.\n"
            "https://example.org/route-planner\n\nSolar Tracker!\nA toy.\n\ndotfiles\nMy setup\n",
            ["Ledger Sync", "route-planner", "Solar Tracker!", "dotfiles"],
        ),
    ],
)
def test_a_project_list_gives_one_project_per_name(body: str, expected: list[str]) -> None:
    assert _names(f"Ada Example\n\nProjects\n{body}\nSkills\nPython\n") == expected


def test_a_running_header_between_pages_is_no_project() -> None:
    body = (
        "\nLedger Sync\n  Reconciles two ledgers every night.\n\nAda Example - CV\n\n"
        "Route Planner\n  Plans delivery routes.\n\nAda Example - CV\n\nSolar Tracker\n  A toy.\n"
    )
    assert _names(f"Ada Example\n\nProjects\n{body}\nSkills\nPython\n") == [
        "Ledger Sync",
        "Route Planner",
        "Solar Tracker",
    ]


def test_a_description_paragraph_is_no_project_list() -> None:
    body = (
        "Reconciled two ledgers every night and reported any difference to the team on call,\n"
        "which cut the month-end close from five days to two.\n"
    )
    assert _names(f"Ada Example\n\nProjects\n{body}\nSkills\nPython\n") is None


def test_a_period_under_a_block_name_stays_in_its_header() -> None:
    text = (
        "Ada Example\n\nProjects\n\nLedger Sync\n2020 – 2021\nReconciles.\n\n"
        "Route Planner\n2019\nPlans.\n"
    )
    document = DocumentRecord.model_construct(doc_id="d", text=text)
    segmented = segment(document, SectionClassifier(load_config(None).segment))
    section = next(s for s in segmented.sections if s.kind is SectionKind.PROJECTS)
    listed = project_entries(section, "Ada Example")
    assert listed is not None
    assert [[line.content for line in entry.header] for entry, _ in listed] == [
        ["Ledger Sync", "2020 – 2021"],
        ["Route Planner", "2019"],
    ]
