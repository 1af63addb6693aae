"""Groups inside a skills section: a line that names the group of the lines after it, by being
a skills heading itself ("Technical Skills" under "Languages") or by where it stands (a short
line set off by a blank line over a list), is no skill and no language. Names are invented."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def _groups(document: ExtractedDocument) -> dict[str, str | None]:
    return {skill.name: skill.group for skill in document.skills}


@pytest.mark.parametrize(
    "text",
    [
        "Languages\nEnglish (native), French (fluent)\nTechnical Skills\nPython, SQL, Docker\n",
        "Languages\nEnglish\nFrench\nSkills\nPython\nSQL\n",
    ],
)
def test_a_skills_line_under_languages_starts_its_own_group(
    extract_text: Extract, text: str
) -> None:
    groups = _groups(extract_text("Jane Doe\n\n" + text))
    assert groups["English"] == "Languages"
    assert groups["Python"] in {"Skills", "Technical Skills"}
    assert not {"Skills", "Technical Skills"} & set(groups)


def test_an_emphasized_skills_line_under_a_languages_heading_starts_a_group(
    extract_markdown: Extract,
) -> None:
    groups = _groups(
        extract_markdown(
            "# Jane Doe\n\n## Languages\n\n- English\n- French\n\n**Skills**\n\n- Python\n- SQL\n"
        )
    )
    assert groups["French"] == "Languages"
    assert groups["Python"] == "Skills"


def test_a_set_off_line_over_a_list_names_its_group_whatever_its_words(
    extract_text: Extract,
) -> None:
    groups = _groups(
        extract_text(
            "Jane Doe\n\nSkills\n\nLanguages\n\nPython, Go, Java\n\n"
            "Cluster plumbing\n\nLinux, Docker, Redis, Kubernetes\n"
        )
    )
    assert groups["Docker"] == "Cluster plumbing"
    assert groups["Go"] == "Languages"
    assert "Cluster plumbing" not in groups


def test_an_item_of_a_one_per_line_list_over_a_list_line_stays_an_item(
    extract_text: Extract,
) -> None:
    """Without a blank line before it, a short line over a list is as often an item."""
    groups = _groups(
        extract_text("Jane Doe\n\nSkills\nCommunication skills\nBudgeting\nPython, SQL, Excel\n")
    )
    assert "Budgeting" in groups
    assert "Communication skills" in groups or "Communication" in groups
