"""The person's own name and place, in the header shapes real résumés come in."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from resume_etl.stages.extract import ExtractedDocument

Extract = Callable[[str], ExtractedDocument]


def _name(extracted: ExtractedDocument) -> str | None:
    found = extracted.profile.name
    return found.value if found else None


def _place(extracted: ExtractedDocument) -> str | None:
    found = extracted.profile.location
    return found.value if found else None


@pytest.mark.parametrize(
    "header",
    [
        "Dana Okoro\nField Service Engineer - Northwind Ltd\n"
        "Pune, Maharashtra - Email me on Indeed: indeed.com/r/Dana-Okoro/1a2b3c4d5e\n",
        "Dana Okoro\nField Service Engineer - Northwind Ltd\nPune, Maharashtra\n"
        "Email me on Indeed: indeed.com/r/Dana-Okoro/1a2b3c4d5e\n",
        "Dana Okoro\nPune, Maharashtra – Willing to relocate\n",
    ],
)
def test_a_job_board_header_gives_the_persons_own_place(extract_text: Extract, header: str) -> None:
    extracted = extract_text(header + "\nWORK EXPERIENCE\n\nTechnician\n\nAcme - Mumbai\n")
    assert _name(extracted) == "Dana Okoro"
    assert _place(extracted) == "Pune, Maharashtra"


@pytest.mark.parametrize(
    ("header", "place"),
    [
        ("Dana Okoro\nBirch Road\nSan Marcos\nPhone: 55-337-55\n", "San Marcos"),
        ("Dana Okoro  Kiln Street  Oregon  Phone: 55-337-55  dana@example.org\n", "Oregon"),
        ("Dana Okoro\nD-30457 Lindenau\nTel. : +49 511 26 222 26\n", None),
    ],
)
def test_an_address_one_part_a_line_gives_the_town_under_the_street(
    extract_text: Extract, header: str, place: str | None
) -> None:
    extracted = extract_text(header + "\nObjective\nA post as an editor.\n")
    assert _place(extracted) == place


def test_the_name_after_a_linkedin_contact_sidebar(extract_text: Extract) -> None:
    extracted = extract_text(
        "Contact\nmarta.kowal@example.org\nwww.linkedin.com/in/marta-kowal-0a1b\n\n"
        "Top Skills\nData Pipelines\nKafka Streams\nTechnical Writing\n\n"
        "Languages\nPolish (Native or Bilingual)\n\n"
        "Marta Kowal\nStaff Engineer at Vistula Payments\nGdańsk, Pomorskie, Poland\n\n"
        "Summary\nI build payment systems.\n\nExperience\n\nVistula Payments\nStaff Engineer\n"
    )
    assert _name(extracted) == "Marta Kowal"
    assert _place(extracted) == "Gdańsk, Pomorskie, Poland"


def test_a_one_line_text_gives_name_and_place_from_its_collapsed_lines(
    extract_text: Extract,
) -> None:
    extracted = extract_text(
        '"Editor Resume Template  Lena Marsh  1101 Hollis Lane  Baltimore, MD 21230  '
        'Phone: 410-555-0188  lena.m@example.org  Objective  Looking for a senior post."\n'
    )
    assert _name(extracted) == "Lena Marsh"
    assert _place(extracted) == "Baltimore, MD 21230"


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Address: Apt 5-10, Riverside Residence, Jalan Ampang, KL, Malaysia.", "KL, Malaysia"),
        ("12 Larkspur Avenue, Phoenix, AZ 85004", "Phoenix, AZ 85004"),
        ("11 Any Street. New York, NY 10001 ~ 555-010-2030", "New York, NY 10001"),
        ("Based in Austin, Texas", "Austin, Texas"),
        ("Kingsville, TX 78363 Home: (555) 010-2030", "Kingsville, TX 78363"),
        ("Address: P.O. Box 1234, Harbour Square, Mombasa", "Mombasa"),
        ("No. 12, Azadi Street, Shiraz, Iran, 7134567890", "Shiraz, Iran"),
    ],
)
def test_the_place_at_the_end_of_a_street_address(
    extract_text: Extract, line: str, place: str
) -> None:
    assert _place(extract_text(f"Noor Haddad\n{line}\n")) == place


@pytest.mark.parametrize(
    ("header", "place"),
    [
        ("Ines Duarte\nUX designer in Porto, Portugal. I like maps.\n", "Porto, Portugal"),
        ("Ines Duarte\nGrowth Marketer\nGreater Lisbon Area\n", "Greater Lisbon Area"),
        ("Ines Duarte\nBozen / Bolzano, Italy\n", "Bozen / Bolzano, Italy"),
    ],
)
def test_a_place_in_a_headline_sentence_or_named_as_a_region(
    extract_text: Extract, header: str, place: str
) -> None:
    assert _place(extract_text(header)) == place


def test_a_headline_with_a_comma_is_no_place_when_a_real_one_follows(
    extract_text: Extract,
) -> None:
    extracted = extract_text(
        "# Ravi Menon\n\n**Tinkerer, Enthusiast**\n\nSan Mateo, CA · ravi@x.org\n"
    )
    assert _place(extracted) == "San Mateo, CA"


def test_a_contact_block_under_a_headline_taken_for_a_heading(extract_text: Extract) -> None:
    extracted = extract_text(
        "Dana Okoro\n\nSAFETY MANAGER\n\n12 Mill Street\nJefferson City, MO 65101\n"
        "dana.okoro@example.com\n\nPROFESSIONAL EXPERIENCE\n"
        "Trainer, Northwind Ltd, 2019 to Present\n"
    )
    assert _place(extracted) == "Jefferson City, MO 65101"


@pytest.mark.parametrize(
    ("header", "place"),
    [
        ("Address:\nPhone:\nEmail:\n\n12 Gum Street, Williamstown\n555 0101\n", None),
        ("Location: Based in Raleigh, NC\n", "Raleigh, NC"),
    ],
)
def test_a_place_cue_reads_its_value_not_the_next_label(
    extract_text: Extract, header: str, place: str | None
) -> None:
    extracted = extract_text("Dana Okoro\n" + header + "\nEXPERIENCE\nTrainer, Northwind Ltd\n")
    assert _place(extracted) != "Phone"
    if place is not None:
        assert _place(extracted) == place


def test_a_square_bullet_parts_the_header_fields(extract_text: Extract) -> None:
    extracted = extract_text(
        "Dana Okoro\n12 Elm Street ■ Glendale, CA 91204 ■ dana.okoro@example.com\n"
        "\nEXPERIENCE\nTrainer, Northwind Ltd\n"
    )
    assert _place(extracted) == "Glendale, CA 91204"


def test_a_phrase_with_a_comma_is_no_place(extract_text: Extract) -> None:
    extracted = extract_text(
        "Dana Okoro\ndana.okoro@example.com\nRoles that use Android, Flash, Flex environments\n"
        "\nEXPERIENCE\nTrainer, Northwind Ltd\n"
    )
    assert _place(extracted) is None


def test_the_headline_under_the_name_after_a_contact_sidebar(extract_text: Extract) -> None:
    extracted = extract_text(
        "Contact\nhttps://example.dev\n\nTop Skills\nROS\nGazebo\n\nLanguages\nEnglish\nHindi\n\n"
        "Dana Okoro\nRobotics Engineer & Motion Planning Specialist\nIN\n\n"
        "Experience\n\nNorthwind\nEngineer\nMarch 2021 - Present (4 years)\n"
    )
    assert _name(extracted) == "Dana Okoro"
    headline = extracted.profile.headline
    assert headline is not None
    assert headline.value == "Robotics Engineer & Motion Planning Specialist"


def test_the_line_under_a_position_label_is_the_headline(extract_text: Extract) -> None:
    extracted = extract_text(
        "Curriculum vitae    Dana Okoro\n\nPERSONAL INFORMATION\nDana Okoro\nIN\n"
        "https://example.dev\n\nPOSITION\nSenior Software Engineer bei Northwind\n\n"
        "WORK EXPERIENCE\n03/2021 - present\nEngineer\nNorthwind, Leeds\n"
    )
    headline = extracted.profile.headline
    assert headline is not None
    assert headline.value == "Senior Software Engineer bei Northwind"
