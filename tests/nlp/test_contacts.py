from __future__ import annotations

import pytest
from spacy.language import Language

from resume_etl.nlp import labels
from resume_etl.nlp.contacts import ProfileSite, profile_sites


def _contacts(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    found = [span._.get(labels.CONTACT_ATTR) for span in doc.spans[labels.CONTACTS]]
    return [(match.label, match.text) for match in found]


def test_a_phone_with_a_one_digit_area_code_is_found_whole(nlp: Language) -> None:
    assert _contacts(nlp, "Call +33 4 55 55 01 62 today") == [(labels.PHONE, "+33 4 55 55 01 62")]


def test_a_page_range_is_not_a_phone(nlp: Language) -> None:
    assert _contacts(nlp, "Economic Journal 131(636), 1523-1560.") == []


def test_badge_image_urls_are_not_links(nlp: Language) -> None:
    text = "![Python](https://img.shields.io/badge/-Python-3776AB) https://github.com/jo-example"
    assert _contacts(nlp, text) == [(labels.URL, "https://github.com/jo-example")]


def test_a_social_profile_without_a_scheme_is_a_link(nlp: Language) -> None:
    assert _contacts(nlp, "instagram.com/cooks.example") == [
        (labels.URL, "instagram.com/cooks.example")
    ]


@pytest.mark.parametrize("site", profile_sites(), ids=lambda site: site.domain)
def test_every_profile_site_s_page_is_a_link_without_a_scheme(
    nlp: Language, site: ProfileSite
) -> None:
    assert _contacts(nlp, f"Profile: {site.domain}/jdoe") == [(labels.URL, f"{site.domain}/jdoe")]


def test_no_profile_site_is_a_prefix_of_another() -> None:
    """So the finder's alternation of them matches the same whatever their order."""
    domains = [site.domain for site in profile_sites()]
    assert len(set(domains)) == len(domains)
    assert not [(a, b) for a in domains for b in domains if a != b and b.startswith(a)]
