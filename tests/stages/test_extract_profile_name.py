"""The person's name (``stages/extract/_profile_name.py``): any case, particles, scripts, titles."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def _name(extracted: ExtractedDocument) -> str | None:
    found = extracted.profile.name
    return found.value if found else None


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("# Priya Raman\n\nHi! I'm Pri, and I like maps.\n", "Priya Raman"),
        ("JONAS BERG-HALVORSEN\nWelder\n", "JONAS BERG-HALVORSEN"),
        ("kim lindqvist\nkim.lindqvist@example.org\n", "kim lindqvist"),
        ("Ana de la Cruz-Ramos\nNurse\n", "Ana de la Cruz-Ramos"),
        ("Lebenslauf\n\nJürgen Weißmüller\nSoftwareentwickler\n", "Jürgen Weißmüller"),
        ("履歴書\n\n山田花子\n", "山田花子"),
        ("RESUME OF Tomás Ferreira\nLisbon, Portugal\n", "Tomás Ferreira"),
        ("Dr. Amara Okafor, PhD\nLecturer\n", "Amara Okafor"),
    ],
)
def test_names_in_any_case_with_particles_hyphens_and_scripts(
    extract_text: Extract, header: str, name: str
) -> None:
    assert _name(extract_text(header + "\nExperience\nClerk, Acme, 2019 - 2020\n")) == name


def test_a_lower_case_line_without_support_is_no_name(extract_text: Extract) -> None:
    assert _name(extract_text("some notes here\nmore text\n")) is None


def test_a_heading_run_into_a_one_line_text_is_no_name(extract_text: Extract) -> None:
    extracted = extract_text(
        '"Career Objective  To join a progressive team.  Personal Information  '
        'Date of Birth: 1 May 1990"\n'
    )
    assert _name(extracted) is None


_GIVEN = st.sampled_from(["Amara", "Jonas", "Li", "Sofía", "Kwame", "Ingrid", "Thi"])
_FAMILY = st.sampled_from(["Okafor", "Berg", "Nguyen-Tran", "O'Neill", "van Dijk", "Ferreira"])


@settings(max_examples=25, deadline=None)
@given(given_name=_GIVEN, family=_FAMILY, case=st.sampled_from(["as is", "upper"]))
def test_a_first_line_name_is_found_whatever_its_words(
    extract_text: Extract, given_name: str, family: str, case: str
) -> None:
    name = f"{given_name} {family}"
    written = name.upper() if case == "upper" else name
    extracted = extract_text(f"{written}\nAccountant\n\nExperience\nClerk, Acme, 2019 - 2020\n")
    assert _name(extracted) == written


@pytest.mark.parametrize("heading", ["# dana okoro", "# DANA OKORO", "# Dana Okoro"])
def test_a_name_heading_outweighs_a_later_i_am_sentence(
    extract_text: Extract, heading: str
) -> None:
    extracted = extract_text(
        f"{heading}\n\nI am Priya Raman's colleague and a data engineer.\n\n"
        "## Experience\n\n### Northwind\n**Engineer** | *2020 – 2022*\n"
    )
    assert _name(extracted) == heading[2:]
    assert extracted.profile.headline is None


@pytest.mark.parametrize(
    "first_line",
    ["OLIVIA MENSAH-CLARKE RN Curriculum Vitae", "Olivia Mensah-Clarke - Resume"],
)
def test_a_name_followed_by_the_documents_title_on_its_line(
    extract_text: Extract, first_line: str
) -> None:
    extracted = extract_text(
        f"{first_line}\nRegistered Nurse\nLeeds, West Yorkshire\n\nEXPERIENCE\n\nNurse\n"
    )
    assert (_name(extracted) or "").lower() == "olivia mensah-clarke"


@pytest.mark.parametrize(
    "header",
    [
        "Your Name\n12 First Street, Springfield\n",
        "FIRST NAME LAST NAME\nSpringfield, IL\n",
        "Client Name\n(123) 555-0100\n",
        "NOM Prénom\nIngénieur\n",
    ],
)
def test_a_templates_stand_in_for_the_name_is_no_name(extract_text: Extract, header: str) -> None:
    assert _name(extract_text(header + "\nExperience\nClerk, Acme, 2019 - 2020\n")) is None


def test_labels_set_apart_from_their_values_are_no_name(extract_text: Extract) -> None:
    extracted = extract_text(
        '"Personal Details  Name:  Date of Birth:  Address:    Lena Okoro  1 May 1990  '
        '4 Hill Road"\n'
    )
    assert _name(extracted) != "Date of Birth"
    extracted = extract_text("Curriculum Vitae\nPlace of Birth:\nLagos\n")
    assert _name(extracted) != "Place of Birth"


@pytest.mark.parametrize(
    ("front_matter", "name"),
    [
        (
            "---\nauthor: Amara Okafor\ntitle: Associate Professor\nmail: a@example.org\n---\n",
            "Amara Okafor",
        ),
        (
            "---\ntitle: 'Jonas Berg'\nwebsite: https://example.org\nemail: j@example.org\n...\n",
            "Jonas Berg",
        ),
        ('---\nname: "Ingrid van Dijk"\nposition: Data Engineer\n---\n', "Ingrid van Dijk"),
        ("---\nlayout: cv\ntitle: Kwame Mensah CV\n---\n", "Kwame Mensah"),
    ],
)
def test_the_name_in_a_markdown_front_matter(
    extract_markdown: Extract, front_matter: str, name: str
) -> None:
    text = front_matter + "\n## Experience\n\n- 2019-2020: Clerk, _Acme_\n"
    assert _name(extract_markdown(text)) == name


def test_a_front_matter_title_that_is_a_job_is_no_name(extract_markdown: Extract) -> None:
    text = "---\ntitle: Associate Professor\nmail: a@example.org\n---\n\n## Experience\n\nClerk\n"
    assert _name(extract_markdown(text)) is None


def test_a_linked_setext_heading_names_the_author(extract_markdown: Extract) -> None:
    text = (
        "[Thi Nguyen, PhD](https://example.org)\n===============\n\n> Build teams\n\n"
        "Experience\n---------\n\nClerk at Acme, 2019 - 2020\n"
    )
    assert _name(extract_markdown(text)) == "Thi Nguyen"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brightwell\n12 Larch Lane, Northvale\nbw.a@example.org\n\nExperience\n", "Brightwell"),
        ("Lindqvist\nTarrow,\nPhone:\nEmail: kl@example.org\n\nObjective\nA job.\n", "Lindqvist"),
        ("Brannagh XXXXX\nbr@example.org\nCell: +44 7700 900123\n\nSummary\n", "Brannagh"),
        ("Maren Solvik Education\nCurrent Address: 4 Elm Row, Tarrow\n", "Maren Solvik"),
    ],
)
def test_one_name_word_on_the_first_line_over_contact_details(
    extract_text: Extract, text: str, name: str
) -> None:
    assert _name(extract_text(text)) == name


@pytest.mark.parametrize(
    "text",
    [
        "Objective\n12 Larch Lane, Northvale\nSeeking a welding job.\n",
        "Welder\n12 Larch Lane, Northvale\n",
        "Brightwell\nWelder with ten years of work on ships and rigs in the North Sea\n",
    ],
)
def test_one_word_without_contact_details_or_a_known_word_is_no_name(
    extract_text: Extract, text: str
) -> None:
    assert _name(extract_text(text)) is None


@pytest.mark.parametrize(
    "link", ["[Download PDF](cv.pdf)", "[Download PDF](https://example.org/files/cv.pdf)"]
)
def test_a_link_to_a_file_is_no_name(extract_markdown: Extract, link: str) -> None:
    contacts = "jo@example.org | +44 7700 900123"
    text = f"{link}\n\n{contacts}\n\n## Experience\n\nClerk at Acme, 2019 - 2020\n"
    assert _name(extract_markdown(text)) is None


@pytest.mark.parametrize("word", ["Confidential", "Draft", "Resume"])
def test_a_word_a_document_is_titled_with_is_no_one_word_name(
    extract_text: Extract, word: str
) -> None:
    text = f"{word}\n12 Larch Lane, Northvale\nbw.a@example.org\n\nExperience\nClerk, Acme, 2019\n"
    assert _name(extract_text(text)) is None


@pytest.mark.parametrize("name", ["Julia Roberts", "Ruby Chen"])
def test_a_name_whose_first_word_is_a_skill_is_still_a_name(
    extract_text: Callable[[str], ExtractedDocument], name: str
) -> None:
    """ "Julia" and "Ruby" are programming languages and first names: the skill lexicon does
    not veto a field the entity recognizer reads whole as a person."""
    text = f"{name}\n12 Oak Street, Springfield, IL 62701\n(555) 123-4567 | jdoe@example.com\n"
    found = extract_text(text + "\nExperience\nSales Associate, Acme Corp, 2019 - 2021\n").profile
    assert found.name is not None and found.name.value == name


@pytest.mark.parametrize("title", ["Java Developer", "Julia Programmer", "Line Cook"])
def test_a_title_line_read_as_a_person_is_still_no_name(
    extract_text: Callable[[str], ExtractedDocument], title: str
) -> None:
    text = f"{title}\n12 Oak Street, Springfield, IL 62701\n(555) 123-4567 | jdoe@example.com\n"
    found = extract_text(text + "\nExperience\nSales Associate, Acme Corp, 2019 - 2021\n").profile
    assert found.name is None


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Okafor, Ada\nBrenton, TX\n", "Okafor, Ada"),
        ("Okafor, Ada N.\nBrenton, TX\n", "Okafor, Ada N."),
        ("Jane Doe, MBA\nBrenton, TX\n", "Jane Doe"),
        ("Jane Q. Doe\nBrenton, TX\n", "Jane Q. Doe"),
    ],
)
def test_a_name_written_surname_first_is_the_name_whole(
    extract_text: Callable[[str], ExtractedDocument], header: str, name: str
) -> None:
    """One word, a comma and a given name: a name written surname first; a credential after
    the comma still ends the name."""
    found = extract_text(header + "ada@example.com\n\nExperience\nClerk, Acme, 2019 - 2021\n")
    assert found.profile.name is not None and found.profile.name.value == name
